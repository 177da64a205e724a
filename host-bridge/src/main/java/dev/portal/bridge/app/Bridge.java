package dev.portal.bridge.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portal.bridge.broker.BrokerException;
import dev.portal.bridge.broker.EmbeddedBroker;
import dev.portal.bridge.command.CommandSender;
import dev.portal.bridge.command.CorrelationIds;
import dev.portal.bridge.game.BridgeLease;
import dev.portal.bridge.game.BridgeParts;
import dev.portal.bridge.game.EventOutbox;
import dev.portal.bridge.game.GameJson;
import dev.portal.bridge.game.GamePublisher;
import dev.portal.bridge.game.PublishObserver;
import dev.portal.bridge.game.UpdateService;
import dev.portal.bridge.homeassistant.DiscoveryPrefix;
import dev.portal.bridge.homeassistant.HomeAssistantDiscovery;
import dev.portal.bridge.ingest.FrameIngest;
import dev.portal.bridge.ingest.FrameSink;
import dev.portal.bridge.ingest.SharedFrameIngest;
import dev.portal.bridge.ingest.StatusIngest;
import dev.portal.bridge.metrics.BridgeMetrics;
import dev.portal.bridge.player.PlayerApi;
import dev.portal.bridge.state.ToyAuthority;
import dev.portal.bridge.store.JdbcStore;
import dev.portal.bridge.store.PausingStore;
import dev.portal.bridge.store.Store;
import dev.portal.bridge.store.StoreUnavailableException;
import dev.portal.bridge.telemetry.BridgeCounters;
import dev.portal.bridge.telemetry.Counter;
import dev.portal.bridge.telemetry.DeadLetters;
import dev.portal.link.Acknowledgement;
import dev.portal.link.BrokerLink;
import dev.portal.link.GameTopics;
import dev.portal.link.InboundMessage;
import dev.portal.link.LinkException;
import dev.portal.link.PortalTopics;
import dev.portal.link.Qos;
import dev.portal.link.TopicFilter;
import dev.portal.link.Will;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The running bridge: store, (embedded) broker, MQTT link, and one worker thread that handles every message
 * in arrival order, so state changes are serial and events per device stay in order.
 */
public final class Bridge implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Bridge.class);
    private static final byte[] OFFLINE = "{\"online\":false}".getBytes(StandardCharsets.UTF_8);
    /** Toys changed this long before the last run's final change get their retained documents again. */
    private static final Duration RETAINED_REFRESH_WINDOW = Duration.ofMinutes(10);
    private static final Duration CLOSE_EVENTS_WAIT = Duration.ofSeconds(5);
    /** Publishes unconfirmed at once before a publisher waits; beyond the broker's own in-flight window. */
    private static final int MAX_IN_FLIGHT = 4096;
    private static final Duration PUBLISH_WAIT = Duration.ofSeconds(10);
    /** How often the refusals not logged one by one are summed up (each summary covers a minute). */
    private static final Duration REFUSAL_SUMMARY_EVERY = Duration.ofSeconds(10);

    private final BridgeConfig config;
    /** How long the bridge's lease on its outbox lasts without renewal (BridgeLease.LEASE but in tests). */
    private final Duration lease;
    /** Home Assistant discovery under this prefix ({@code --homeassistant}); without it, earlier configs are removed. */
    private final Optional<DiscoveryPrefix> homeAssistantPrefix;
    private final BridgeCounters counters = new BridgeCounters();
    private final BridgeMetrics metrics = new BridgeMetrics(counters);
    private final Worker worker;
    private final ScheduledExecutorService timer;
    private final AtomicLong lastStatusChange = new AtomicLong(-1);
    private EmbeddedBroker broker;
    private PausingStore store;
    private BrokerLink link;
    private DeadLetters deadLetters;
    private FrameSink frames;
    private MessageRouter router;
    private UpdateService updates;
    private GamePublisher publisher;
    private EventDelivery delivery;
    private EventOutbox outbox;
    private final CountDownLatch linkUp = new CountDownLatch(1);
    private volatile boolean closing;
    private long startedMillis;

    private Bridge(BridgeConfig config, Optional<DiscoveryPrefix> homeAssistantPrefix, Duration lease) {
        this.config = config;
        this.lease = lease;
        this.homeAssistantPrefix = homeAssistantPrefix;
        this.worker = new Worker("bridge-worker", this::endOfBatch);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "bridge-timer"));
    }

    private static Thread daemon(Runnable r, String name) {
        Thread thread = new Thread(r, name);
        thread.setDaemon(true);
        return thread;
    }

    /** Starts everything; on failure, closes what was started and throws. */
    public static Bridge start(BridgeConfig config) throws BrokerException, LinkException {
        return start(config, Optional.empty(), BridgeLease.LEASE);
    }

    /** Starts a bridge whose outbox others take over once it has not renewed its lease for {@code lease}. */
    public static Bridge start(BridgeConfig config, Duration lease) throws BrokerException, LinkException {
        return start(config, Optional.empty(), lease);
    }

    /** Starts a bridge that publishes Home Assistant discovery configs under the prefix, if one is given. */
    public static Bridge start(BridgeConfig config, Optional<DiscoveryPrefix> homeAssistant)
            throws BrokerException, LinkException {
        return start(config, homeAssistant, BridgeLease.LEASE);
    }

    private static Bridge start(BridgeConfig config, Optional<DiscoveryPrefix> homeAssistant, Duration lease)
            throws BrokerException, LinkException {
        Bridge bridge = new Bridge(config, homeAssistant, lease);
        try {
            bridge.open();
            return bridge;
        } catch (BrokerException | LinkException | RuntimeException e) {
            bridge.close();
            throw e;
        }
    }

    private void open() throws BrokerException, LinkException {
        startedMillis = config.clock().millis();
        BrokerSettings mqtt = config.mqtt();
        if (config.embeddedPort().isPresent()) {
            broker = EmbeddedBroker.start(config.dataDir().resolve("broker"), "127.0.0.1", config.embeddedPort().get());
            mqtt = new BrokerSettings(broker.serverUri(), mqtt.clientId(), mqtt.username(), mqtt.password(),
                    Optional.empty(), mqtt.cleanSession(), mqtt.connectTimeout());
        }
        store = new PausingStore(metrics.timed(config.store()
                .map(s -> JdbcStore.open(s.url(), s.user().orElse(null), s.password().orElse(null),
                        config.clock()))
                .orElseGet(() -> JdbcStore.openSqlite(config.dataDir().resolve("bridge.db"), config.clock()))),
                new StoreWatch());
        metrics.watchStore(store::available);
        link = mqtt.linkBuilder()
                .will(new Will(GameTopics.BRIDGE_STATUS, OFFLINE, Qos.AT_LEAST_ONCE, true))
                .maxInFlight(MAX_IN_FLIGHT)
                .publishWait(PUBLISH_WAIT)
                .subscribe(shared(PortalTopics.ALL_EVENTS), Qos.AT_LEAST_ONCE, this::onMessage)
                .subscribe(PortalTopics.ALL_STATUS, Qos.AT_LEAST_ONCE, this::onMessage)
                .subscribe(shared(GameTopics.TOY_UPDATES), Qos.AT_LEAST_ONCE, this::onMessage)
                .subscribe(shared(GameTopics.TOY_WEBCODES), Qos.AT_LEAST_ONCE, this::onMessage)
                .subscribe(shared(GameTopics.TOY_CLAIMS), Qos.AT_LEAST_ONCE, this::onMessage)
                .subscribe(shared(GameTopics.TOY_HISTORIES), Qos.AT_LEAST_ONCE, this::onMessage)
                .subscribe(shared(GameTopics.PLAYER_REQUESTS), Qos.AT_LEAST_ONCE, this::onMessage)
                .build();
        CommandSender commands = new CommandSender(link, config.clock(), new CorrelationIds(store));
        deadLetters = new DeadLetters(link, counters, config.clock());
        delivery = new EventDelivery(store, link, counters, mqtt.clientId(), lease, config.clock());
        outbox = delivery.outbox();
        metrics.watchOutbox(outbox::waiting);
        Optional<HomeAssistantDiscovery> homeAssistant = homeAssistantPrefix
                .map(prefix -> new HomeAssistantDiscovery(link, store, config.dataDir(), prefix));
        List<PublishObserver> observers = new ArrayList<>(List.of(metrics.observer()));
        homeAssistant.ifPresent(observers::add);
        publisher = new GamePublisher(link, store, counters, outbox, config.clock(),
                config.limits().portalDocumentInterval(), PublishObserver.all(observers), config.sharedGroup().isPresent());
        // Before any message: the documents a previous run may have left stale and the events it left
        // unconfirmed, in their order. Queued first, it waits for the connection below.
        worker.execute(() -> {
            if (awaitLink()) {
                homeAssistant.ifPresentOrElse(HomeAssistantDiscovery::begin,
                        () -> HomeAssistantDiscovery.removeLeftovers(link, config.dataDir()));
                publisher.refreshRetained(RETAINED_REFRESH_WINDOW);
                delivery.resume();
            }
        });
        BridgeParts parts = BridgeParts.builder().store(store).publisher(publisher).commands(commands)
                .deadLetters(deadLetters).counters(counters).clock(config.clock()).timer(timer).worker(worker)
                .toys(new ToyAuthority(config.toyKey())).limits(config.limits()).build();
        if (config.toyKey().isEmpty()) {
            LOG.warn("no toy key (--toy-key-file): every toy reads as UNKNOWN and none can be written");
        }
        updates = new UpdateService(parts, config.writeTimeout(), lease);
        frames = config.sharedGroup().isPresent()
                ? new SharedFrameIngest(parts, updates, config.sharedWait(), config.restartGrace())
                : new FrameIngest(parts, updates, config.reorderWindow(), config.restartGrace());
        router = new MessageRouter(frames, new StatusIngest(parts, config.sharedGroup().isPresent()), updates,
                new PlayerApi(parts), deadLetters, counters);
        link.connect(mqtt.connectTimeout());
        linkUp.countDown();
        publishStatus(true);
        long every = config.statusInterval().toMillis();
        timer.scheduleWithFixedDelay(() -> worker.execute(() -> publishStatus(false)), every, every,
                TimeUnit.MILLISECONDS);
        delivery.schedule(timer, worker);
        long sweep = config.writeTimeout().toMillis(); // writes a dead bridge left unanswered (UpdateService)
        timer.scheduleWithFixedDelay(() -> worker.execute(updates::answerAbandoned), sweep, sweep,
                TimeUnit.MILLISECONDS);
        long paced = Math.max(1, config.limits().portalDocumentInterval().toMillis() / 2);
        timer.scheduleWithFixedDelay(() -> worker.execute(publisher::sendDuePortals), paced, paced,
                TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(deadLetters::summarise, REFUSAL_SUMMARY_EVERY.toMillis(),
                REFUSAL_SUMMARY_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("bridge running on {} (data in {})", mqtt.serverUri(), config.dataDir());
    }

    /**
     * Queues the message for the worker and returns at once; the broker hears that it is handled only once
     * its effect is committed (frames: after their batch's transaction; other messages: once handled).
     */
    private void onMessage(InboundMessage message, Acknowledgement ack) {
        long received = config.clock().millis();
        if (router.refusedAsOversized(message)) {
            ack.acknowledge();
            return;
        }
        try {
            worker.execute(() -> router.route(message, received, ack));
        } catch (RejectedExecutionException e) {
            LOG.info("not acknowledged, the bridge is stopping: a message on {}", message.topic());
        }
    }

    /** Game servers hear at once when the store goes away and comes back (the worker is paused meanwhile). */
    private final class StoreWatch implements PausingStore.Listener {
        @Override
        public void unavailable(StoreUnavailableException cause) {
            counters.count(Counter.STORE_PAUSES);
            publishStatus(true);
        }

        @Override
        public void availableAgain(Duration after) {
            publishStatus(true);
        }
    }

    /** {@code filter}, as a member of the configured share group if there is one. */
    private TopicFilter shared(TopicFilter filter) {
        return config.sharedGroup().map(group -> TopicFilter.shared(group, filter)).orElse(filter);
    }

    /**
     * A bridge that stops on purpose first lets the broker confirm the events it published (at most
     * {@link #CLOSE_EVENTS_WAIT}): what is left would only go out when the bridge next starts.
     */
    private void awaitEventsConfirmed() throws InterruptedException {
        if (!link.isConnected()) {
            return; // nothing will be answered before the bridge stops; the outbox keeps them
        }
        CompletableFuture<CompletableFuture<Void>> answered = new CompletableFuture<>();
        worker.execute(() -> answered.complete(outbox.answered()));
        long deadline = System.nanoTime() + CLOSE_EVENTS_WAIT.toNanos();
        try {
            answered.get(CLOSE_EVENTS_WAIT.toNanos(), TimeUnit.NANOSECONDS)
                    .get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.info("stopping with events the broker has not confirmed; they are sent when the bridge next runs");
        }
    }

    /** True once the link is up; false when the bridge closes first. */
    private boolean awaitLink() {
        try {
            linkUp.await(); // no timeout: a slow connect must not skip the resend; close() releases it
            return !closing;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void endOfBatch() {
        if (frames != null) {
            frames.flush();
            outbox.forgetConfirmedIfMany();
        }
    }

    private void publishStatus(boolean force) {
        long changes = counters.changes();
        if (publisher == null || !force && changes == lastStatusChange.get()) {
            return; // no publisher: the store went away while the bridge was still starting
        }
        lastStatusChange.set(changes);
        ObjectNode node = GameJson.MAPPER.createObjectNode();
        node.put("online", true);
        node.put("startedAt", java.time.Instant.ofEpochMilli(startedMillis).toString());
        node.put("storeAvailable", store.available());
        node.set("counters", counters.toJson());
        publisher.send(GameTopics.BRIDGE_STATUS, node, true);
    }

    public BridgeCounters counters() {
        return counters;
    }

    /** The bridge's metrics, for the metrics page ({@code --metrics-port}). */
    public BridgeMetrics metrics() {
        return metrics;
    }

    public Store store() {
        return store;
    }

    /** The broker address the bridge uses (the embedded one's when it runs one). */
    public String serverUri() {
        return broker != null ? broker.serverUri() : config.mqtt().serverUri();
    }

    /** Waits until every message received so far has been handled (tests and the demo use it). */
    public void awaitIdle() throws InterruptedException {
        if (!worker.awaitIdle(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the bridge worker did not become idle within 30 s");
        }
    }

    @Override
    public void close() {
        closing = linkUp.getCount() > 0; // closed before the link came up: the start-up task must not run
        linkUp.countDown();
        timer.shutdownNow();
        if (store != null) {
            store.stopWaiting(); // a store that is away is not waited for: the broker keeps what was not stored
        }
        if (link != null) {
            try {
                worker.awaitIdle(5, TimeUnit.SECONDS);
                awaitEventsConfirmed();
                link.publish(GameTopics.BRIDGE_STATUS, OFFLINE, Qos.AT_LEAST_ONCE, true).get(2, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.debug("could not say goodbye: {}", e.toString());
            }
            link.close();
        }
        worker.close();
        if (delivery != null) {
            delivery.close();
        }
        if (store != null) {
            store.close();
        }
        if (broker != null) {
            broker.close();
        }
    }
}
