package dev.portal.bridge.metrics;

import dev.portal.bridge.state.PortalState;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * The newest health each portal reported in its heartbeats, and whether it is online, for the per-portal series
 * of the metrics page. Written by the worker thread, read by the metrics page's. The device id is the only
 * per-portal label, and the board keeps at most {@link #MAX_PORTALS} of them (the bridge's input limits already
 * bound how fast new portals come), so the page cannot grow without end; a portal beyond that is counted in
 * {@link #untracked()} and shown nowhere.
 */
final class PortalHealthBoard {
    static final int MAX_PORTALS = 4096;

    /**
     * What one portal last said.
     *
     * @param health the heartbeat figures as the bridge keeps them ({@code HealthCounters.toTree()}); empty until
     *               the first heartbeat
     */
    record Entry(boolean online, Map<String, Object> health) {
        /** A heartbeat figure as a number, when the portal has reported it. */
        Optional<Double> figure(String name) {
            return health.get(name) instanceof Number n ? Optional.of(n.doubleValue()) : Optional.empty();
        }
    }

    private final Map<String, Entry> portals = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong untracked = new java.util.concurrent.atomic.AtomicLong();

    void update(PortalState portal) {
        Entry entry = new Entry(portal.online(), portal.health());
        if (portals.containsKey(portal.deviceId()) || portals.size() < MAX_PORTALS) {
            portals.put(portal.deviceId(), entry);
        } else {
            untracked.incrementAndGet();
        }
    }

    void forEach(BiConsumer<String, Entry> action) {
        portals.forEach(action);
    }

    /** Portal documents not shown because the board was full. */
    long untracked() {
        return untracked.get();
    }
}
