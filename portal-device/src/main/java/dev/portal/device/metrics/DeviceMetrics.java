package dev.portal.device.metrics;

import dev.portal.device.app.DeviceService;
import dev.portal.protocol.frame.HealthCounters;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import java.io.IOException;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.ToDoubleFunction;

/**
 * One portal's metrics page ({@code scripts/portal-device --metrics-port P}): the series the bridge shows for
 * every portal, with the same names and the same {@code device} label, so one dashboard reads either. The
 * figures are those of the portal's last heartbeat (what the bridge hears too); {@code online} and the poll
 * count are read live. Off unless asked for: a portal on a home network serves nothing it was not told to.
 */
public final class DeviceMetrics implements AutoCloseable {
    private final HTTPServer server;

    private DeviceMetrics(HTTPServer server) {
        this.server = server;
    }

    /** Serves {@code service}'s page on {@code port} (0: a free one) on every interface. */
    public static DeviceMetrics serve(DeviceService service, String deviceId, int port) throws IOException {
        return new DeviceMetrics(HTTPServer.builder().port(port).registry(registry(service, deviceId))
                .buildAndStart());
    }

    static PrometheusRegistry registry(DeviceService service, String deviceId) {
        PrometheusRegistry registry = new PrometheusRegistry();
        GaugeWithCallback.builder().name("portal_device_online").labelNames("device")
                .help("1 while the portal is connected to its broker")
                .callback(cb -> cb.call(service.deliveryStats().connected() ? 1 : 0, deviceId)).register(registry);
        live(registry, "portal_device_polls", "Reader polls since the portal's boot", () -> service.health().polls.get(),
                deviceId);
        live(registry, "portal_device_resend_requests", "resend_frames requests served since the portal's boot",
                () -> service.health().resendRequests.get(), deviceId);
        live(registry, "portal_device_frames_resent", "Frames found and published again for resend_frames requests",
                () -> service.health().framesResent.get(), deviceId);
        live(registry, "portal_device_resends_refused",
                "resend_frames requests refused (another boot, one already under way, the serial cable)",
                () -> service.health().resendsRefused.get(), deviceId);
        Heartbeats last = new Heartbeats(service, deviceId);
        last.gauge(registry, "portal_device_polls_per_second", HealthCounters::pollsPerSecond,
                "Reader polls per second over the last heartbeat interval");
        last.gauge(registry, "portal_device_outbox_depth", HealthCounters::outboxDepth,
                "Frames waiting in the portal's outbox");
        last.gauge(registry, "portal_device_tags_present", HealthCounters::tagsPresent, "Tags on the portal's pads");
        last.counter(registry, "portal_device_read_errors", HealthCounters::readErrors,
                "Failed reader transactions since the portal's boot");
        last.counter(registry, "portal_device_reader_resets", HealthCounters::readerResets,
                "Times a reader was reset after it stopped answering, since the portal's boot");
        return registry;
    }

    /** A counter read live, not from the last heartbeat. */
    private static void live(PrometheusRegistry registry, String name, String help, LongSupplier count, String deviceId) {
        CounterWithCallback.builder().name(name).labelNames("device").help(help)
                .callback(cb -> cb.call(count.getAsLong(), deviceId)).register(registry);
    }

    /** Series read from the last heartbeat; none before the first. */
    private record Heartbeats(DeviceService service, String deviceId) {
        void gauge(PrometheusRegistry registry, String name, ToDoubleFunction<HealthCounters> figure, String help) {
            GaugeWithCallback.builder().name(name).labelNames("device").help(help)
                    .callback(cb -> last().ifPresent(h -> cb.call(figure.applyAsDouble(h), deviceId)))
                    .register(registry);
        }

        void counter(PrometheusRegistry registry, String name, ToDoubleFunction<HealthCounters> figure, String help) {
            CounterWithCallback.builder().name(name).labelNames("device").help(help)
                    .callback(cb -> last().ifPresent(h -> cb.call(figure.applyAsDouble(h), deviceId)))
                    .register(registry);
        }

        private Optional<HealthCounters> last() {
            return service.lastHeartbeat();
        }
    }

    public int port() {
        return server.getPort();
    }

    @Override
    public void close() {
        server.close();
    }
}
