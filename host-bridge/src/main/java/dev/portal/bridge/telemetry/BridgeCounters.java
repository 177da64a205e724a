package dev.portal.bridge.telemetry;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Running counts of what the bridge did and refused, published on the retained game/bridge/status. A counter
 * appears in the document once it has been counted (as before the names were typed: the document is the same).
 */
public final class BridgeCounters {
    private final Map<Counter, AtomicLong> counts = new ConcurrentHashMap<>();
    private final Map<Refusal, AtomicLong> deadLetters = new ConcurrentHashMap<>();
    private final AtomicLong changes = new AtomicLong();

    public void count(Counter counter) {
        count(counter, 1);
    }

    public void count(Counter counter, long by) {
        counts.computeIfAbsent(counter, n -> new AtomicLong()).addAndGet(by);
        changes.incrementAndGet();
    }

    public void deadLetter(Refusal reason) {
        deadLetters.computeIfAbsent(reason, n -> new AtomicLong()).incrementAndGet();
        changes.incrementAndGet();
    }

    public long get(Counter counter) {
        AtomicLong value = counts.get(counter);
        return value == null ? 0 : value.get();
    }

    public long deadLetters(Refusal reason) {
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

    /** The "counters" object of game/bridge/status, keys in alphabetical order. */
    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        Map<String, Long> byName = new TreeMap<>();
        counts.forEach((counter, value) -> byName.put(counter.jsonName(), value.get()));
        byName.forEach(node::put);
        ObjectNode dead = node.putObject("deadLetters");
        Map<String, Long> byReason = new TreeMap<>();
        deadLetters.forEach((reason, value) -> byReason.put(reason.jsonName(), value.get()));
        byReason.forEach(dead::put);
        node.put("deadLettersTotal", totalDeadLetters());
        return node;
    }
}
