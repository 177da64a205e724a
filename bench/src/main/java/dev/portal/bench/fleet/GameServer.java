package dev.portal.bench.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portal.bridge.app.BrokerSettings;
import dev.portal.link.BrokerLink;
import dev.portal.link.GameTopics;
import dev.portal.link.LinkException;
import dev.portal.link.MessageHandler;
import dev.portal.link.Qos;
import dev.portal.link.TopicFilter;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A game server on {@code game/events} (QoS 1) that times each toy's {@code placed} event from the moment its
 * portal was told to put it down, and counts what it hears. Only placements made inside the measuring window
 * count towards its figures.
 */
final class GameServer implements AutoCloseable, PlayingPortal.PlacementListener {
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Sent(long nanos, boolean inWindow) {
    }

    private final Map<String, Sent> placing = new ConcurrentHashMap<>();
    private final Set<String> eventIds = ConcurrentHashMap.newKeySet();
    private final BrokerLink link;
    private final List<Long> micros = new ArrayList<>();
    private volatile boolean window;
    private long placementsInWindow;
    private long eventsInWindow;
    private long copies;
    private long unreadable;

    GameServer(String brokerUri) throws LinkException {
        link = BrokerSettings.plain(brokerUri, "fleet-game-server").linkBuilder()
                .subscribe(TopicFilter.exactly(GameTopics.EVENTS), Qos.AT_LEAST_ONCE,
                        MessageHandler.autoAck(m -> hear(m.payload(), System.nanoTime())))
                .build();
        link.connect(Duration.ofSeconds(10));
    }

    @Override
    public void placing(String deviceId, String uidHex) {
        boolean counted = window;
        placing.put(deviceId + "/" + uidHex, new Sent(System.nanoTime(), counted));
        if (counted) {
            synchronized (this) {
                placementsInWindow++;
            }
        }
    }

    private void hear(byte[] payload, long nanos) {
        JsonNode event;
        try {
            event = JSON.readTree(payload);
        } catch (IOException e) {
            synchronized (this) {
                unreadable++;
            }
            return;
        }
        synchronized (this) {
            if (!eventIds.add(event.path("eventId").asText())) {
                copies++;
            }
            if (window) {
                eventsInWindow++;
            }
        }
        if ("placed".equals(event.path("event").asText())) {
            Sent sent = placing.remove(event.path("deviceId").asText() + "/" + event.path("uid").asText());
            if (sent != null && sent.inWindow()) {
                synchronized (this) {
                    micros.add((nanos - sent.nanos()) / 1000);
                }
            }
        }
    }

    synchronized void openWindow() {
        micros.clear();
        placementsInWindow = 0;
        eventsInWindow = 0;
        window = true;
    }

    synchronized void closeWindow() {
        window = false;
    }

    /** The window's figures; latencies of placements whose event came after the window closed included. */
    synchronized Heard heard() {
        return new Heard(placementsInWindow, eventsInWindow, micros.stream().mapToLong(Long::longValue).sorted().toArray(),
                copies, unreadable);
    }

    /**
     * @param placements   toys put down in the window
     * @param events       game events heard in the window (every type)
     * @param placedMicros placement-to-{@code placed}-event latencies of the window's toys, sorted
     * @param copies       events heard again with an eventId heard before (at-least-once redelivery)
     */
    record Heard(long placements, long events, long[] placedMicros, long copies, long unreadable) {
        long unheard() {
            return placements - placedMicros.length;
        }

        double percentileMillis(int p) {
            if (placedMicros.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p / 100.0 * placedMicros.length) - 1;
            return placedMicros[Math.max(0, Math.min(index, placedMicros.length - 1))] / 1000.0;
        }
    }

    @Override
    public void close() {
        link.close();
    }
}
