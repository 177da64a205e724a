package dev.portal.system.bridge;

import dev.portal.bridge.game.BridgeCounters;
import dev.portal.bridge.game.CommandSender;
import dev.portal.bridge.game.DeadLetters;
import dev.portal.bridge.game.GamePublisher;
import dev.portal.bridge.game.GameTopics;
import dev.portal.bridge.game.UpdateService;
import dev.portal.bridge.ingest.FrameIngest;
import dev.portal.bridge.ingest.StatusIngest;
import dev.portal.bridge.store.JdbcStore;
import dev.portal.bridge.store.Store;
import dev.portal.bridge.mqtt.MqttSettings;
import dev.portal.bridge.mqtt.PahoMqttLink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The host bridge composed from its own public classes (store, ingest, game services, PahoMqttLink) exactly
 * as {@code dev.portal.bridge.app.Bridge} wires them, with one difference: the message handler waits until
 * the worker thread has handled the message, so Paho acknowledges it only after the state is committed (the
 * shipped Bridge queues it and returns at once: a kill -9 loses what was acknowledged but not applied).
 * {@code scripts/chaos --bridge acked} runs it.
 * Arguments: {@code --broker URI --data-dir DIR --client-id ID}.
 */
public final class AckedBridgeMain {
    private static final Logger LOG = LoggerFactory.getLogger(AckedBridgeMain.class);

    private AckedBridgeMain() {
    }

    public static void main(String[] args) throws Exception {
        java.util.Map<String, String> a = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i], args[i + 1]);
        }
        Path data = Path.of(a.getOrDefault("--data-dir", "var/bridge"));
        Files.createDirectories(data);
        Clock clock = Clock.systemUTC();
        BridgeCounters counters = new BridgeCounters();
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "bridge-worker"));
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bridge-timer");
            t.setDaemon(true);
            return t;
        });
        Store store = JdbcStore.openSqlite(data.resolve("bridge.db"), clock);
        Routes routes = new Routes();
        MqttSettings settings = new MqttSettings(a.get("--broker"), a.getOrDefault("--client-id", "acked-bridge"),
                Optional.empty(), Optional.empty(), false, Optional.empty(), false, Duration.ofSeconds(10),
                Optional.of(new MqttSettings.Will(GameTopics.STATUS, "{\"online\":false}".getBytes(), 1, true)));
        // Paho acknowledges a message when this handler returns: returning only once the worker has applied
        // it is what makes a kill -9 unable to lose it.
        PahoMqttLink link = new PahoMqttLink(settings, (topic, payload, retained) -> {
            Future<?> done = worker.submit(() -> routes.route(topic, payload, clock.millis(), counters));
            try {
                done.get(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                LOG.error("a message on {} was not handled in time: {}", topic, e.toString());
            }
        });
        CommandSender commands = new CommandSender(link, clock);
        DeadLetters deadLetters = new DeadLetters(link, counters, clock);
        GamePublisher publisher = new GamePublisher(link, store, counters);
        // FrameIngest stages frames and applies them on flush (group commit): every task ends with a flush.
        java.util.concurrent.Executor flushing = task -> worker.execute(() -> {
            task.run();
            routes.flush();
        });
        UpdateService updates = new UpdateService(store, commands, publisher, deadLetters, counters, timer, flushing,
                Duration.ofSeconds(5));
        routes.frames = new FrameIngest(store, publisher, updates, commands, deadLetters, counters, clock,
                Duration.ofMillis(500), timer, flushing);
        routes.statuses = new StatusIngest(store, publisher, deadLetters, counters, clock);
        routes.updates = updates;
        link.connect();
        link.subscribe(GameTopics.PORTAL_EVENTS, 1);
        link.subscribe(GameTopics.PORTAL_STATUS, 1);
        link.subscribe(GameTopics.UPDATES, 1);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            timer.shutdownNow();
            worker.shutdown();
            try {
                worker.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            link.close();
            store.close();
            stopped.countDown();
        }, "bridge-shutdown"));
        LOG.info("acked bridge running on {}", a.get("--broker"));
        System.err.println("portal bridge: running on " + a.get("--broker") + " (acknowledging after apply)");
        stopped.await();
    }

    /** The message routing of the shipped Bridge, filled in once the services exist. */
    private static final class Routes {
        FrameIngest frames;
        StatusIngest statuses;
        UpdateService updates;

        void flush() {
            if (frames != null) {
                frames.flush();
            }
        }

        void route(String topic, byte[] payload, long receivedMillis, BridgeCounters counters) {
            try {
                if (topic.endsWith("/evt")) {
                    frames.onFrame(topic, payload, receivedMillis);
                    frames.flush(); // applied and committed before Paho acknowledges the message
                    return;
                }
                frames.flush();
                if (topic.endsWith("/status") && topic.startsWith("portal/")) {
                    statuses.onStatus(topic, payload);
                } else if (topic.endsWith("/update")) {
                    updates.onRequest(topic, payload);
                }
            } catch (RuntimeException e) {
                counters.count("internalErrors");
                LOG.error("handling a message on {} failed", topic, e);
            }
        }
    }
}
