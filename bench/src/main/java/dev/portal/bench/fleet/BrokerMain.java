package dev.portal.bench.fleet;

import dev.portal.bridge.broker.EmbeddedBroker;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The bridge's embedded HiveMQ CE broker alone in its process (the fleet benchmark's broker), so its CPU and
 * memory are measured apart from the bridges'. Arguments: HOME PORT. Runs until SIGTERM.
 */
public final class BrokerMain {
    static final String READY = "fleet broker: listening on ";

    private BrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedBroker broker = EmbeddedBroker.start(Path.of(args[0]), "127.0.0.1", Integer.parseInt(args[1]));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            stopped.countDown();
        }, "broker-shutdown"));
        System.err.println(READY + broker.serverUri());
        stopped.await();
    }
}
