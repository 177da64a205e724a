package dev.portal.device.mqtt;

import dev.portal.device.outbox.Outbox;
import dev.portal.device.outbox.OutboxRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Gets every outbox record to the broker, in order: one thread connects (with backoff), subscribes to the
 * command topic, says "online", lets the service append a Birth, then publishes durable records with QoS 1
 * and acknowledges each in the outbox when the broker does. After a lost connection the Paho instance is
 * discarded and everything not acknowledged is published again from the outbox (the host drops the
 * duplicates by boot and sequence).
 */
public final class Delivery implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Delivery.class);

    private final MqttLink link;
    private final Outbox outbox;
    private final Topics topics;
    private final long bootId;
    private final Duration connectTimeout;
    private final int window;
    private final Backoff backoff;
    private final Runnable onConnected;
    private final Thread thread;
    private final Object monitor = new Object();
    private final AtomicLong connects = new AtomicLong();
    private final AtomicLong connectFailures = new AtomicLong();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong acked = new AtomicLong();
    private final AtomicLong publishFailures = new AtomicLong();
    private volatile boolean running = true;
    private volatile boolean lost;
    private long generation;
    private int inflight;

    public Delivery(MqttLink link, Outbox outbox, Topics topics, long bootId, MqttSettings settings,
                    Runnable onConnected, Consumer<byte[]> commandSink) {
        this.link = link;
        this.outbox = outbox;
        this.topics = topics;
        this.bootId = bootId;
        this.connectTimeout = settings.connectTimeout();
        this.window = Math.max(1, settings.maxInflight() - 2); // Paho also counts the status publish
        this.backoff = new Backoff(settings.backoffMin(), settings.backoffMax());
        this.onConnected = onConnected;
        this.thread = Thread.ofPlatform().name("mqtt-delivery").daemon(true).unstarted(this::run);
        link.setListener(new MqttLink.Listener() {
            @Override
            public void connectionLost(Throwable cause) {
                LOG.warn("MQTT connection lost: {}", cause == null ? "?" : cause.toString());
                lost = true;
                wake();
            }

            @Override
            public void messageArrived(String topic, byte[] payload) {
                if (topic.equals(topics.commands())) {
                    commandSink.accept(payload);
                }
            }
        });
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
                if (lost || !link.isConnected()) {
                    if (connect()) {
                        cursor = 0; // readDurable starts after the acknowledged ones
                    } else {
                        sleep(backoff.nextDelayMillis());
                    }
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
                List<OutboxRecord> batch = outbox.readDurable(cursor, room);
                if (batch.isEmpty()) {
                    outbox.awaitDurable(Math.max(cursor, outbox.stats().ackedIndex() + 1), 1000);
                    continue;
                }
                for (OutboxRecord r : batch) {
                    send(r);
                    cursor = r.index() + 1;
                }
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                LOG.error("delivery loop: {}", e.toString(), e);
                sleep(500);
            }
        }
    }

    private void send(OutboxRecord r) {
        long gen;
        synchronized (monitor) {
            inflight++;
            gen = generation;
        }
        published.incrementAndGet();
        link.publish(topics.events(), r.payload(), 1, false).whenComplete((v, err) -> {
            if (err == null) {
                outbox.acknowledge(r.index());
                acked.incrementAndGet();
            } else {
                publishFailures.incrementAndGet();
            }
            synchronized (monitor) {
                if (gen == generation) {
                    inflight--;
                    if (err != null && running) {
                        lost = true; // resend everything unacknowledged on a fresh connection
                    }
                }
                monitor.notifyAll();
            }
        });
    }

    private boolean connect() {
        if (link instanceof PahoMqttLink paho) {
            paho.discard();
        }
        synchronized (monitor) {
            generation++;
            inflight = 0;
        }
        lost = false;
        try {
            MqttLink.Will will = new MqttLink.Will(topics.status(), StatusMessage.offline(topics.deviceId(), bootId),
                    1, true);
            link.connect(will, connectTimeout);
            link.subscribe(topics.commands(), 1, connectTimeout); // from this thread, never a Paho callback
            link.publish(topics.status(), StatusMessage.online(topics.deviceId(), bootId), 1, true);
            connects.incrementAndGet();
            backoff.reset();
            LOG.info("MQTT connected ({} connects so far)", connects.get());
            onConnected.run();
            return true;
        } catch (MqttLinkException e) {
            connectFailures.incrementAndGet();
            LOG.warn("MQTT: {}", e.getMessage());
            return false;
        }
    }

    private void sleep(long millis) {
        synchronized (monitor) {
            try {
                long deadline = System.currentTimeMillis() + millis;
                while (running && System.currentTimeMillis() < deadline) {
                    monitor.wait(Math.max(1, deadline - System.currentTimeMillis()));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public DeliveryStats stats() {
        return new DeliveryStats(link.isConnected() && !lost, connects.get(), connectFailures.get(),
                published.get(), acked.get(), publishFailures.get());
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
                link.publish(topics.status(), StatusMessage.offline(topics.deviceId(), bootId), 1, true)
                        .get(1, java.util.concurrent.TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            LOG.debug("offline status not confirmed: {}", e.toString());
        } finally {
            link.close();
        }
    }
}
