package dev.portal.system.process;

import dev.portal.bridge.broker.EmbeddedBroker;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The bridge's embedded HiveMQ CE broker alone in its process, on 127.0.0.1: the chaos run's broker with
 * {@code --broker hivemq}, which it kills and restarts, and the fleet benchmark's, whose CPU and memory are
 * measured apart from the bridges'. Arguments: HOME PORT; sessions and queued messages are kept in HOME/data, so a
 * restart on the same HOME finds them again. Runs until SIGTERM, which stops the broker cleanly.
 */
public final class HiveBrokerMain {
    /** Written to standard error once the broker accepts connections. */
    public static final String READY = "hivemq broker: listening on ";

    private HiveBrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: HiveBrokerMain HOME PORT");
            System.exit(2);
        }
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
