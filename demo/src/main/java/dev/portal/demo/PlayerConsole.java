package dev.portal.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portal.device.sim.SimulatedPortal;
import dev.portal.link.LinkException;
import dev.portal.protocol.id.Uid;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The demo's --interactive console: the user plays the player at the simulated portal, with the words of the
 * portal's own console (handled by that console, so the two never drift apart), and the game server, with
 * {@code xp}, {@code rename} and {@code upgrade}. What the game sees is printed by the game view as it happens.
 */
final class PlayerConsole {
    /** How long a game word waits for the bridge's reply (a write to a tag on the portal is well within it). */
    private static final long REPLY_SECONDS = 10;

    private final SimulatedPortal portal;
    private final SampleGameServer server;
    private final GameView view;
    private final InputStream in;
    private final PrintStream out;

    PlayerConsole(SimulatedPortal portal, SampleGameServer server, GameView view, InputStream in, PrintStream out) {
        this.portal = portal;
        this.server = server;
        this.view = view;
        this.in = in;
        this.out = out;
    }

    /** Reads lines until end of input or quit; a bad line gets an error message and the console carries on. */
    void run() throws IOException, InterruptedException {
        out.println();
        out.println("Your turn: the portal 'sim-portal' has " + DemoMain.PADS + " pads; type help (quit ends the demo).");
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        while ((line = reader.readLine()) != null) {
            String[] words = line.strip().split("\\s+");
            if (words[0].isEmpty() || words[0].startsWith("#")) {
                continue;
            }
            if (words[0].equals("quit") || words[0].equals("exit")) {
                return;
            }
            try {
                execute(words);
            } catch (IllegalArgumentException e) {
                out.println("error: " + e.getMessage());
            } catch (LinkException | ExecutionException | TimeoutException e) {
                out.println("error: the game server got no reply: " + e.getMessage());
            }
        }
    }

    private void execute(String[] w) throws LinkException, InterruptedException, ExecutionException,
            TimeoutException {
        switch (w[0]) {
            case "xp" -> {
                need(w, 3, "xp TOY AMOUNT");
                show(server.awardXp(uid(w[1]), number(w[2], "AMOUNT")));
            }
            case "rename" -> {
                if (w.length < 3) {
                    throw new IllegalArgumentException("usage: rename TOY NAME");
                }
                show(server.rename(uid(w[1]), String.join(" ", Arrays.copyOfRange(w, 2, w.length))));
            }
            case "upgrade" -> {
                need(w, 3, "upgrade TOY ID");
                show(server.unlockUpgrade(uid(w[1]), (int) number(w[2], "ID")));
            }
            case "help" -> {
                out.println("At the portal:");
                portal.console().execute(w);
                out.println("""
                        As the game server:
                        xp TOY AMOUNT   award XP (written onto the tag while the toy is on the portal)
                        rename TOY NAME give the toy a new name
                        upgrade TOY ID  unlock upgrade ID (0..63)""");
            }
            default -> portal.console().execute(w); // the portal console's words, and its error for others
        }
    }

    /** The toy a game word names, as the portal console knows it: a sample toy's name or a hex UID. */
    private String uid(String toy) {
        return portal.catalogue().resolve(toy).map(Uid::hex)
                .orElseThrow(() -> new IllegalArgumentException("'" + toy + "' is neither a sample toy nor a hex UID"));
    }

    private void show(CompletableFuture<JsonNode> reply) throws InterruptedException, ExecutionException,
            TimeoutException {
        JsonNode r = reply.get(REPLY_SECONDS, TimeUnit.SECONDS);
        view.say("(the game server got: " + r.path("status").asText() + ")");
    }

    private static long number(String s, String what) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a number, not '" + s + "'");
        }
    }

    private static void need(String[] w, int n, String usage) {
        if (w.length != n) {
            throw new IllegalArgumentException("usage: " + usage);
        }
    }
}
