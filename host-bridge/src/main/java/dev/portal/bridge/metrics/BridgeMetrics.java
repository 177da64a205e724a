package dev.portal.bridge.metrics;

import dev.portal.bridge.game.PublishObserver;
import dev.portal.bridge.state.GameEvent;
import dev.portal.bridge.state.PortalState;
import dev.portal.bridge.store.Store;
import dev.portal.bridge.telemetry.BridgeCounters;
import dev.portal.bridge.telemetry.Counter;
import dev.portal.bridge.telemetry.Refusal;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

/**
 * The bridge's metrics page, in a registry of its own (never the client's global one, so two bridges in one JVM,
 * as in the tests, each have theirs). The counts are read from {@link BridgeCounters} when the page is scraped,
 * not kept twice; the histograms and the per-portal board are fed by the store and the publisher. Every label
 * takes its values from a closed set (enums, outcomes) except {@code device}, which the board bounds.
 */
public final class BridgeMetrics {
    /** The page's label for a portal. */
    static final String DEVICE = "device";
    private static final double[] TRANSACTION_SECONDS =
            {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5};
    private static final double[] LATENCY_SECONDS =
            {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30};

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final BridgeCounters counters;
    private final PortalHealthBoard portals = new PortalHealthBoard();
    private final Histogram transactions;
    private final Histogram placementLatency;
    private volatile IntSupplier outboxWaiting = () -> 0;
    private volatile BooleanSupplier storeAvailable = () -> true;

    public BridgeMetrics(BridgeCounters counters) {
        this.counters = counters;
        registerCounters();
        CounterWithCallback.builder().name("portal_bridge_refusals").labelNames("reason")
                .help("Input refused and dead-lettered, by reason (frames, statuses, update requests)")
                .callback(cb -> Arrays.stream(Refusal.values())
                        .forEach(r -> cb.call(counters.deadLetters(r), r.jsonName())))
                .register(registry);
        GaugeWithCallback.builder().name("portal_bridge_outbox_events_waiting")
                .help("Events published on game/events and not yet confirmed by the broker (kept in the outbox)")
                .callback(cb -> cb.call(outboxWaiting.getAsInt())).register(registry);
        GaugeWithCallback.builder().name("portal_bridge_store_available")
                .help("1 while the database answers, 0 while the bridge is paused waiting for it")
                .callback(cb -> cb.call(storeAvailable.getAsBoolean() ? 1 : 0)).register(registry);
        transactions = Histogram.builder().name("portal_bridge_store_transaction_seconds").unit(Unit.SECONDS)
                .help("Time of one store transaction, by outcome").labelNames("outcome").classicOnly()
                .classicUpperBounds(TRANSACTION_SECONDS).register(registry);
        placementLatency = Histogram.builder().name("portal_bridge_placement_to_event_seconds").unit(Unit.SECONDS)
                .help("From a placement's time (the portal's synchronised clock, else its arrival) to its event "
                        + "on game/events").classicOnly().classicUpperBounds(LATENCY_SECONDS).register(registry);
        new PortalSeries(portals).register(registry);
    }

    /**
     * One counter family per {@link CounterSeries#family()}, its series read from {@link BridgeCounters} at each
     * scrape. Every series of a family shows from the start (at 0), so rate() sees the first increase.
     */
    private void registerCounters() {
        Map<String, List<Counter>> families = new LinkedHashMap<>();
        for (Counter counter : Counter.values()) {
            families.computeIfAbsent(CounterSeries.of(counter).family(), f -> new java.util.ArrayList<>()).add(counter);
        }
        families.forEach((family, members) -> {
            CounterSeries first = CounterSeries.of(members.getFirst());
            CounterWithCallback.Builder builder = CounterWithCallback.builder().name(first.name()).help(first.help());
            first.label().ifPresent(label -> builder.labelNames(label.name()));
            builder.callback(cb -> members.forEach(counter -> {
                CounterSeries series = CounterSeries.of(counter);
                if (series.label().isPresent()) {
                    cb.call(counters.get(counter), series.label().get().value());
                } else {
                    cb.call(counters.get(counter));
                }
            })).register(registry);
        });
    }

    /** {@code store} with each transaction timed; wrap the database itself, not the store that waits for it. */
    public Store timed(Store store) {
        return new TimedStore(store, transactions);
    }

    /** Where the page reads how many events wait for the broker's confirmation. */
    public void watchOutbox(IntSupplier waiting) {
        this.outboxWaiting = waiting;
    }

    /** Where the page reads whether the database answers. */
    public void watchStore(BooleanSupplier available) {
        this.storeAvailable = available;
    }

    /** Feeds the per-portal board and the placement latency from what the publisher sends game servers. */
    public PublishObserver observer() {
        return new PublishObserver() {
            @Override
            public void portal(PortalState portal) {
                portals.update(portal);
            }

            @Override
            public void events(List<GameEvent> events, long publishedMillis) {
                for (GameEvent event : events) {
                    if (event.type().equals("placed")) {
                        placementLatency.observe(Math.max(0, publishedMillis - event.atMillis()) / 1000.0);
                    }
                }
            }
        };
    }

    /** What the metrics page serves. */
    public PrometheusRegistry registry() {
        return registry;
    }
}
