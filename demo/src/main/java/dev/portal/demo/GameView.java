package dev.portal.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portal.bridge.game.GameJson;
import dev.portal.bridge.app.BrokerSettings;
import dev.portal.link.BrokerLink;
import dev.portal.link.GameTopics;
import dev.portal.link.InboundMessage;
import dev.portal.link.LinkException;
import dev.portal.link.MessageHandler;
import dev.portal.link.Qos;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/** What a game server subscribed to game/# sees, printed as readable lines, and kept for the summary. */
public final class GameView implements AutoCloseable {
    private final PrintStream out;
    private final long startNanos = System.nanoTime();
    private final BrokerLink link;
    private final List<JsonNode> events = new ArrayList<>();
    private final Map<String, Integer> counts = new TreeMap<>();
    private final Map<String, String> portalsShown = new HashMap<>();
    private final Map<String, String> toysShown = new HashMap<>();
    private int deadLetters;

    public GameView(String serverUri, PrintStream out) throws LinkException {
        this.out = out;
        this.link = BrokerSettings.plain(serverUri, "game-view-" + System.nanoTime()).linkBuilder()
                .subscribe(GameTopics.ALL, Qos.AT_LEAST_ONCE, MessageHandler.autoAck(this::onMessage))
                .build();
        link.connect(Duration.ofSeconds(10));
    }

    private synchronized void onMessage(InboundMessage message) {
        JsonNode node;
        GameTopics.GameTopic topic = GameTopics.parse(message.topic()).orElse(null);
        try {
            node = GameJson.MAPPER.readTree(message.payload());
        } catch (IOException e) {
            return;
        }
        String line = topic == null ? null : describe(topic, node);
        if (line != null) {
            out.printf("%7.2fs  %s%n", (System.nanoTime() - startNanos) / 1e9, line);
        }
        notifyAll();
    }

    private String describe(GameTopics.GameTopic topic, JsonNode n) {
        if (topic instanceof GameTopics.Events) {
            events.add(n);
            String type = n.path("event").asText();
            counts.merge(type, 1, Integer::sum);
            String where = n.path("deviceId").asText() + " pad " + n.path("pad").asInt() + " slot " + n.path("slot").asInt();
            String who = n.path("profile").isObject() ? "\"" + n.at("/profile/name").asText() + "\"" : n.path("uid").asText();
            return switch (type) {
                case "placed" -> String.format("event   placed      %-16s on %s", who, where);
                case "recognised" -> String.format("event   recognised  %-16s toy %d, level %d, %d XP, upgrades %s",
                        who, n.at("/profile/toyType").asInt(), n.at("/profile/level").asInt(), n.at("/profile/xp").asLong(),
                        n.at("/profile/upgrades"));
                case "removed" -> String.format("event   removed     %-16s from %s after %.1f s (%s)", who, where,
                        n.at("/session/durationMillis").asLong() / 1000.0, n.path("reason").asText());
                case "tampered" -> String.format("event   TAMPERED    %-16s on %s: toy data fails its check, refused",
                        who, where);
                default -> String.format("event   %-11s %-16s on %s", type, who, where);
            };
        }
        if (topic instanceof GameTopics.PortalDocument) {
            String id = n.path("deviceId").asText();
            boolean online = n.path("online").asBoolean();
            String shown = online + "|" + n.path("firmware").asText() + "|" + n.path("pads").size();
            if (shown.equals(portalsShown.put(id, shown))) {
                return null;
            }
            if (!n.has("firmware")) {
                return String.format("portal  %-11s %s", id, online ? "online" : "OFFLINE");
            }
            return String.format("portal  %-11s %s, firmware %s, %d pads", id, online ? "online" : "OFFLINE",
                    n.path("firmware").asText(), n.path("pads").size());
        }
        if (topic instanceof GameTopics.ToyDocument && n.has("revision")) {
            String shown = n.path("revision").asLong() + "|" + n.path("writePending").asBoolean();
            if (shown.equals(toysShown.put(n.path("uid").asText(), shown))) {
                return null;
            }
            return String.format("toy     %-16s %d XP, level %d%s%s", "\"" + n.path("name").asText() + "\"",
                    n.path("xp").asLong(), n.path("level").asInt(),
                    n.path("writePending").asBoolean() ? ", write to tag pending" : ", tag up to date",
                    n.path("onPortal").isObject() ? " (on " + n.at("/onPortal/deviceId").asText() + ")" : "");
        }
        if (topic instanceof GameTopics.Reply) {
            return String.format("reply   %-11s %s: %s", n.path("correlationId").asText(), n.path("status").asText(),
                    n.path("detail").asText());
        }
        if (topic instanceof GameTopics.DeadLetter) {
            deadLetters++;
            return String.format("refused %-11s %s (%d bytes on %s)", n.path("reason").asText(), n.path("detail").asText(),
                    n.path("size").asInt(), n.path("topic").asText());
        }
        return null;
    }

    /** Waits for the first event after {@code after} events that matches. */
    public synchronized JsonNode awaitEvent(int after, Predicate<JsonNode> test, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (int i = after; i < events.size(); i++) {
                if (test.test(events.get(i))) {
                    return events.get(i);
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new IllegalStateException("the expected game event did not come within " + timeout);
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    /** Position of an event returned by awaitEvent in the stream seen so far. */
    public synchronized int indexOf(JsonNode event) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i) == event) {
                return i;
            }
        }
        return -1;
    }

    public synchronized int eventCount() {
        return events.size();
    }

    public synchronized Map<String, Integer> counts() {
        return new TreeMap<>(counts);
    }

    public synchronized int deadLetters() {
        return deadLetters;
    }

    public void say(String line) {
        out.printf("%7.2fs  %s%n", (System.nanoTime() - startNanos) / 1e9, line);
    }

    @Override
    public void close() {
        link.close();
    }
}
