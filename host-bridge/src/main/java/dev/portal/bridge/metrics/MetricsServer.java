package dev.portal.bridge.metrics;

import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves a registry as {@code /metrics} in the Prometheus text format (and {@code /-/healthy}), on the client's
 * own JDK-HttpServer exporter. Two threads answer at most: a scrape reads counters, never the database, so a
 * flood of requests costs little and cannot reach the bridge's worker.
 */
public final class MetricsServer implements AutoCloseable {
    private final HTTPServer server;

    private MetricsServer(HTTPServer server) {
        this.server = server;
    }

    /** Starts serving on {@code address} (port 0: a free one, see {@link #port()}). */
    public static MetricsServer start(InetSocketAddress address, PrometheusRegistry registry) throws IOException {
        ExecutorService threads = Executors.newFixedThreadPool(2, r -> {
            Thread thread = new Thread(r, "metrics-http");
            thread.setDaemon(true);
            return thread;
        });
        HTTPServer server = HTTPServer.builder().inetAddress(address.getAddress()).port(address.getPort())
                .registry(registry).executorService(threads).buildAndStart();
        return new MetricsServer(server);
    }

    public int port() {
        return server.getPort();
    }

    @Override
    public void close() {
        server.close();
    }
}
