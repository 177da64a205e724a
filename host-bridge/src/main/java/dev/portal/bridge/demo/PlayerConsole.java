package dev.portal.bridge.demo;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The demo's --interactive console: the user plays the player (and the game server) by typing. */
final class PlayerConsole {
    private final DemoPortal portal;
    private final SampleGameServer server;
    private final GameView view;
    private final InputStream in;
    private final PrintStream out;
    private final Map<String, SimTag> toys = new LinkedHashMap<>();

    /** {@code hero} is the session's own Blaze, whose tag holds what the session wrote. */
    PlayerConsole(DemoPortal portal, SampleGameServer server, GameView view, SimTag hero, InputStream in,
                  PrintStream out) {
        this.portal = portal;
        this.server = server;
        this.view = view;
        this.in = in;
        this.out = out;
        toys.put("blaze", hero);
        toys.put("frost", DemoToys.friend());
        toys.put("forged", DemoToys.forged());
        toys.put("newbie", DemoToys.newbie());
    }

    void run() throws Exception {
        help();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        out.print("player> ");
        out.flush();
        while ((line = reader.readLine()) != null) {
            String[] words = line.trim().split("\\s+");
            try {
                if (!execute(words)) {
                    return;
                }
            } catch (RuntimeException e) {
                out.println("  " + e.getMessage());
            }
            Thread.sleep(200); // let the game server's lines print before the next prompt
            out.print("player> ");
            out.flush();
        }
    }

    private boolean execute(String[] w) throws Exception {
        switch (w[0]) {
            case "" -> { }
            case "quit", "exit" -> {
                return false;
            }
            case "place" -> portal.place(Integer.parseInt(w[2]), Integer.parseInt(w[3]), toy(w[1]));
            case "lift" -> portal.lift(Integer.parseInt(w[1]), Integer.parseInt(w[2]));
            case "xp" -> show(server.awardXp(toy(w[1]).uidHex(), Long.parseLong(w[2])).get(10, TimeUnit.SECONDS));
            case "rename" -> show(server.rename(toy(w[1]).uidHex(), w[2]).get(10, TimeUnit.SECONDS));
            case "upgrade" -> show(server.unlockUpgrade(toy(w[1]).uidHex(), Integer.parseInt(w[2]))
                    .get(10, TimeUnit.SECONDS));
            default -> help();
        }
        return true;
    }

    private SimTag toy(String name) {
        SimTag tag = toys.get(name.toLowerCase());
        if (tag == null) {
            throw new IllegalArgumentException("no toy called " + name + "; toys: " + toys.keySet());
        }
        return tag;
    }

    private void show(JsonNode reply) {
        view.say("(the game server got: " + reply.path("status").asText() + ")");
    }

    private void help() {
        out.println("""
                Commands: place TOY PAD SLOT | lift PAD SLOT | xp TOY AMOUNT | rename TOY NAME | upgrade TOY ID | quit
                Toys: blaze, frost, forged (tampered), newbie (blank tag). Pads 0..1, slots 0..3.""");
    }
}
