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
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The host bridge composed from its own public classes (store, ingest, game services) exactly as
 * {@code dev.portal.bridge.app.Bridge} wires them, except for the MQTT link: {@link AckAfterApplyLink}
 * acknowledges a message only after the worker thread handled it. {@code scripts/chaos --bridge acked} runs
 * it, to show whether losses under kill -9 come from acknowledging too early.
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
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(false);
        options.setAutomaticReconnect(false); // AckAfterApplyLink reconnects by itself
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setConnectionTimeout(10);
        options.setKeepAliveInterval(30);
        options.setMaxInflight(4096);
        options.setWill(GameTopics.STATUS, "{\"online\":false}".getBytes(), 1, true);
        AckAfterApplyLink link = new AckAfterApplyLink(a.get("--broker"), a.getOrDefault("--client-id", "acked-bridge"),
                options, (topic, payload, retained, ack) -> worker.execute(() -> {
                    routes.route(topic, payload, clock.millis(), counters);
                    ack.run();
                }));
        CommandSender commands = new CommandSender(link, clock);
        DeadLetters deadLetters = new DeadLetters(link, counters, clock);
        GamePublisher publisher = new GamePublisher(link, store, counters);
        UpdateService updates = new UpdateService(store, commands, publisher, deadLetters, counters, timer, worker,
                Duration.ofSeconds(5));
        routes.frames = new FrameIngest(store, publisher, updates, commands, deadLetters, counters, clock,
                Duration.ofMillis(500), timer, worker);
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

        void route(String topic, byte[] payload, long receivedMillis, BridgeCounters counters) {
            try {
                if (topic.endsWith("/evt")) {
                    frames.onFrame(topic, payload, receivedMillis);
                } else if (topic.endsWith("/status") && topic.startsWith("portal/")) {
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
