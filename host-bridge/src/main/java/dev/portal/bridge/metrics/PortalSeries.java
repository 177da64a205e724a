package dev.portal.bridge.metrics;

import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * The per-portal series, read from the {@link PortalHealthBoard} at each scrape: whether each portal is online,
 * and the figures of its last heartbeat. The names are those {@code scripts/portal-device --metrics-port} serves
 * for its own portal, so one dashboard reads both. A portal's read errors and reader resets count since its boot
 * (a restart starts them again at 0, which Prometheus' rate() takes for a reset).
 */
final class PortalSeries {
    private final PortalHealthBoard board;

    PortalSeries(PortalHealthBoard board) {
        this.board = board;
    }

    void register(PrometheusRegistry registry) {
        GaugeWithCallback.builder().name("portal_device_online").labelNames(BridgeMetrics.DEVICE)
                .help("1 while the portal is online, as the bridge last heard")
                .callback(cb -> board.forEach((device, e) -> cb.call(e.online() ? 1 : 0, device))).register(registry);
        gauge(registry, "portal_device_polls_per_second", "pollsPerSecond",
                "Reader polls per second over the portal's last heartbeat interval");
        gauge(registry, "portal_device_outbox_depth", "outboxDepth", "Frames waiting in the portal's outbox");
        gauge(registry, "portal_device_tags_present", "tagsPresent", "Tags on the portal's pads");
        counter(registry, "portal_device_read_errors", "readErrors", "Failed reader transactions since the portal's boot");
        counter(registry, "portal_device_reader_resets", "readerResets",
                "Times a reader was reset after it stopped answering, since the portal's boot");
        GaugeWithCallback.builder().name("portal_bridge_portals_untracked")
                .help("Portal documents left off this page: it shows at most " + PortalHealthBoard.MAX_PORTALS
                        + " portals")
                .callback(cb -> cb.call(board.untracked())).register(registry);
    }

    private void gauge(PrometheusRegistry registry, String name, String figure, String help) {
        GaugeWithCallback.builder().name(name).help(help).labelNames(BridgeMetrics.DEVICE)
                .callback(cb -> board.forEach((device, e) -> e.figure(figure).ifPresent(v -> cb.call(v, device))))
                .register(registry);
    }

    private void counter(PrometheusRegistry registry, String name, String figure, String help) {
        CounterWithCallback.builder().name(name).help(help).labelNames(BridgeMetrics.DEVICE)
                .callback(cb -> board.forEach((device, e) -> e.figure(figure).ifPresent(v -> cb.call(v, device))))
                .register(registry);
    }
}
