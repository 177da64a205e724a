package dev.portal.device.mqtt;

import dev.portal.device.outbox.Outbox;
import dev.portal.device.outbox.OutboxRecord;
import dev.portal.link.Backoff;
import dev.portal.link.BrokerLink;
import dev.portal.link.BrokerLinkBuilder;
import dev.portal.link.ConnectionListener;
import dev.portal.link.DeviceId;
import dev.portal.link.LinkException;
import dev.portal.link.MessageHandler;
import dev.portal.link.PortalTopics;
import dev.portal.link.Qos;
import dev.portal.link.ReconnectPolicy;
import dev.portal.link.TopicFilter;
import dev.portal.link.Will;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Publishes the outbox to the broker, in order, from one thread: connects (retrying with jittered backoff until
 * the first connection; the link itself reconnects after that), says "online" on every connection, lets the
 * service append a Birth, then publishes durable records with QoS 1 and acknowledges each in the outbox only
 * when the broker has (PUBACK). After every reconnect, and after any failed publish, everything not yet
 * acknowledged is published again from the outbox; the host drops the copies by boot and sequence. Frames a host
 * asked for again ({@link ReplayQueue}) go out on the same thread and window, taking at most half of it while
 * outbox records wait, and are never acknowledged in the outbox.
 */
public final class OutboxPublisher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxPublisher.class);

    private final BrokerLink link;
    private final Outbox outbox;
    private final DeviceId device;
    private final long bootId;
    private final MqttSettings settings;
    private final int window;
    private final Backoff firstConnect;
    private final Runnable onConnected;
    private final ReplayQueue replays;
    private final Thread thread;
    private final Object monitor = new Object();
    private final AtomicLong connects = new AtomicLong();
    private final AtomicLong connectFailures = new AtomicLong();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong acked = new AtomicLong();
    private final AtomicLong publishFailures = new AtomicLong();
    private volatile boolean running = true;
    /** Counted by the link's listener; a connection the thread has not handled yet makes it start over. */
    private final AtomicLong connectionsSeen = new AtomicLong();
    private long connectionsHandled;
    private boolean everConnected;
    private long generation;
    private int inflight;
    private boolean resend;

    public OutboxPublisher(MqttSettings settings, Outbox outbox, DeviceId device, long bootId, Runnable onConnected,
                           Consumer<byte[]> commandSink) throws LinkException {
        this(settings, outbox, device, bootId, onConnected, commandSink, new ReplayQueue());
    }

    /** {@code replays}: where the command service puts frames a host asked for again. */
    public OutboxPublisher(MqttSettings settings, Outbox outbox, DeviceId device, long bootId, Runnable onConnected,
                           Consumer<byte[]> commandSink, ReplayQueue replays) throws LinkException {
        this.replays = replays;
        this.outbox = outbox;
        this.device = device;
        this.bootId = bootId;
        this.settings = settings;
        this.window = Math.max(1, settings.maxInflight() - 2); // room for the status publishes
        this.firstConnect = ReconnectPolicy.exponential(settings.backoffMin(), settings.backoffMax()).backoff();
        this.onConnected = onConnected;
        this.link = link(settings, commandSink);
        this.thread = Thread.ofPlatform().name("outbox-publisher").daemon(true).unstarted(this::run);
    }

    private BrokerLink link(MqttSettings s, Consumer<byte[]> commandSink) throws LinkException {
        BrokerLinkBuilder builder = BrokerLink.builder().serverUri(s.serverUri()).clientId(s.clientId())
                .cleanSession(false) // commands wait at the broker while the portal is away
                .keepAlive(s.keepAlive())
                .reconnect(ReconnectPolicy.exponential(s.backoffMin(), s.backoffMax()))
                .will(new Will(PortalTopics.status(device), StatusMessage.offline(device.value(), bootId),
                        Qos.AT_LEAST_ONCE, true))
                // Twice the outbox window: after a reconnect the client may still hold the last window.
                .maxInFlight(2 * s.maxInflight())
                .publishWait(s.connectTimeout())
                .operationTimeout(s.connectTimeout())
                .subscribe(TopicFilter.exactly(PortalTopics.cmd(device)), Qos.AT_LEAST_ONCE,
                        MessageHandler.autoAck(m -> commandSink.accept(m.payload())))
                .listener(new ConnectionListener() {
                    @Override
                    public void connected(boolean sessionPresent) {
                        connectionsSeen.incrementAndGet();
                        wake();
                    }

                    @Override
                    public void lost(Throwable cause) {
                        LOG.warn("MQTT connection lost: {}", cause == null ? "?" : cause.toString());
                        wake();
                    }
                });
        s.username().ifPresent(user -> builder.credentials(user, s.password().orElse(null)));
        s.tls().ifPresent(builder::tls);
        return builder.build();
    }

    public void start() {
        thread.start();
    }

    private void wake() {
        synchronized (monitor) {
            monitor.notifyAll();
        }
    }

    private void run() {
        long cursor = 0;
        while (running) {
            try {
                if (!everConnected) {
                    if (!connectFirst()) {
                        waitFor(firstConnect.nextDelayMillis());
                    }
                    continue;
                }
                if (!link.isConnected()) {
                    replays.abandon(); // nothing to publish them on: the host asks again
                    waitFor(1000); // the link reconnects by itself and wakes us through the listener
                    continue;
                }
                long seen = connectionsSeen.get();
                if (seen == 0) {
                    waitFor(100); // connected, but its event is still on its way: no record before the Birth
                    continue;
                }
                if (seen != connectionsHandled) {
                    connectionsHandled = seen;
                    startOver();
                    announce();
                    cursor = 0; // readDurable starts after the acknowledged ones
                    continue;
                }
                if (takeResend()) {
                    startOver();
                    cursor = 0;
                    continue;
                }
                int room;
                synchronized (monitor) {
                    room = window - inflight;
                    if (room <= 0) {
                        monitor.wait(100);
                        continue;
                    }
                }
                if (replays.hasWaiting()) {
                    room -= sendAgain(Math.max(1, room / 2));
                    if (room <= 0) {
                        continue;
                    }
                }
                List<OutboxRecord> batch = outbox.readDurable(cursor, room);
                if (batch.isEmpty()) {
                    if (!replays.hasWaiting()) {
                        // Also woken by a resend request: its CommandResult is appended right after the offer.
                        outbox.awaitDurable(Math.max(cursor, outbox.stats().ackedIndex() + 1), 1000);
                    }
                    continue;
                }
                for (OutboxRecord r : batch) {
                    send(r);
                    cursor = r.index() + 1;
                }
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                LOG.error("outbox publisher: {}", e.toString(), e);
                waitFor(500);
            }
        }
    }

    private boolean connectFirst() {
        try {
            link.connect(settings.connectTimeout());
            everConnected = true;
            return true;
        } catch (LinkException e) {
            connectFailures.incrementAndGet();
            LOG.warn("MQTT: {}", e.getMessage());
            return false;
        }
    }

    private boolean takeResend() {
        synchronized (monitor) {
            boolean again = resend;
            resend = false;
            return again;
        }
    }

    /** Forgets what is in flight: everything the outbox has not seen acknowledged is sent again, in order. */
    private void startOver() {
        synchronized (monitor) {
            generation++;
            inflight = 0;
            replays.abandon(); // their confirmations belong to the old connection
        }
    }

    /** On every new connection: say online (retained), then let the service append a Birth. */
    private void announce() {
        link.publish(PortalTopics.status(device), StatusMessage.online(device.value(), bootId), Qos.AT_LEAST_ONCE,
                true);
        connects.incrementAndGet();
        LOG.info("MQTT connected ({} connects so far)", connects.get());
        onConnected.run();
    }

    private void send(OutboxRecord r) {
        published.incrementAndGet();
        inWindow(r.payload(), ok -> {
            if (ok) {
                outbox.acknowledge(r.index());
                acked.incrementAndGet();
            } else {
                publishFailures.incrementAndGet();
            }
        }, ok -> {
            if (!ok && running) {
                resend = true; // publish everything unacknowledged again, in order
            }
        });
    }

    /** Publishes up to {@code max} frames a host asked for again; returns how many. */
    private int sendAgain(int max) {
        List<byte[]> frames = replays.take(max);
        for (byte[] frame : frames) {
            inWindow(frame, ok -> { }, replays::completed);
        }
        return frames.size();
    }

    /**
     * Publishes one frame on the evt topic within the in-flight window. {@code done} runs when the publish
     * completes (true: PUBACK); {@code sameConnection} too, under the monitor, but only while the connection it
     * went out on is still the one in use.
     */
    private void inWindow(byte[] payload, Consumer<Boolean> done, Consumer<Boolean> sameConnection) {
        long gen;
        synchronized (monitor) {
            inflight++;
            gen = generation;
        }
        link.publish(PortalTopics.evt(device), payload, Qos.AT_LEAST_ONCE, false).whenComplete((v, err) -> {
            done.accept(err == null);
            synchronized (monitor) {
                if (gen == generation) {
                    inflight--;
                    sameConnection.accept(err == null);
                }
                monitor.notifyAll();
            }
        });
    }

    private void waitFor(long millis) {
        synchronized (monitor) {
            try {
                long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
                long left;
                while (running && connectionsSeen.get() == connectionsHandled && (left = deadline - System.nanoTime()) > 0) {
                    TimeUnit.NANOSECONDS.timedWait(monitor, left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public DeliveryStats stats() {
        return new DeliveryStats(link.isConnected(), connects.get(), connectFailures.get(), published.get(),
                acked.get(), publishFailures.get(), replays.published(), replays.dropped());
    }

    /** Says "offline" (retained) when connected, disconnects cleanly and stops the thread. */
    @Override
    public void close() {
        running = false;
        wake();
        try {
            thread.join(3000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            if (link.isConnected()) {
                link.publish(PortalTopics.status(device), StatusMessage.offline(device.value(), bootId),
                        Qos.AT_LEAST_ONCE, true).get(1, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            LOG.debug("offline status not confirmed: {}", e.toString());
        } finally {
            link.close();
        }
    }
}
