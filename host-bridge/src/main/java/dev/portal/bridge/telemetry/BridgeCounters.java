package dev.portal.bridge.telemetry;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Running counts of what the bridge did and refused, published on the retained game/bridge/status. */
public final class BridgeCounters {
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> deadLetters = new ConcurrentHashMap<>();
    private final AtomicLong changes = new AtomicLong();

    public void count(String name) {
        count(name, 1);
    }

    public void count(String name, long by) {
        counts.computeIfAbsent(name, n -> new AtomicLong()).addAndGet(by);
        changes.incrementAndGet();
    }

    public void deadLetter(String reason) {
        deadLetters.computeIfAbsent(reason, n -> new AtomicLong()).incrementAndGet();
        changes.incrementAndGet();
    }

    public long get(String name) {
        AtomicLong value = counts.get(name);
        return value == null ? 0 : value.get();
    }

    public long deadLetters(String reason) {
        AtomicLong value = deadLetters.get(reason);
        return value == null ? 0 : value.get();
    }

    public long totalDeadLetters() {
        return deadLetters.values().stream().mapToLong(AtomicLong::get).sum();
    }

    /** Increases whenever any counter changes; lets the status publisher skip unchanged documents. */
    public long changes() {
        return changes.get();
    }

    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        new TreeMap<>(counts).forEach((k, v) -> node.put(k, v.get()));
        ObjectNode dead = node.putObject("deadLetters");
        new TreeMap<>(deadLetters).forEach((k, v) -> dead.put(k, v.get()));
        node.put("deadLettersTotal", totalDeadLetters());
        return node;
    }
}
