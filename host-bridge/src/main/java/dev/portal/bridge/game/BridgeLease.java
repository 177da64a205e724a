package dev.portal.bridge.game;

import dev.portal.bridge.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * This bridge's lease in the shared database (V9.sql), and the takeover of what a bridge whose lease ran out
 * left behind: its unsent game/events go out from here. A bridge that comes back after its lease was taken
 * starts a new one; its events are gone from its outbox, so it sends none of them twice. Runs on the worker
 * thread, like the outbox it hands the events to.
 */
public final class BridgeLease {
    private static final Logger LOG = LoggerFactory.getLogger(BridgeLease.class);
    /**
     * 30 s: a GC pause, a slow commit or a short store outage must not make a live bridge look dead (its events
     * would go out twice), and a game server should hear a dead bridge's events within half a minute.
     */
    public static final Duration LEASE = Duration.ofSeconds(30);
    /**
     * 5 s: six renewals per lease, so a bridge loses its lease only after missing several in a row; one UPDATE
     * per bridge every 5 s costs the database nothing. A shorter lease (tests) keeps the same ratio.
     */
    public static final Duration RENEW_EVERY = Duration.ofSeconds(5);

    private final Store store;
    private final EventOutbox outbox;
    private final String owner;
    private final long leaseMillis;
    private final long renewMillis;
    private final Clock clock;
    /** When this bridge last renewed its lease; none yet at first. */
    private long renewedAt = Long.MIN_VALUE;
    /** When the current run of renewals without a gap began (see {@link #renew}). */
    private long steadySince;

    /** @param owner this bridge's MQTT client id, the owner of its outbox rows */
    public BridgeLease(Store store, EventOutbox outbox, String owner, Duration lease, Clock clock) {
        if (lease.toMillis() < 6) {
            throw new IllegalArgumentException("a lease of " + lease + " leaves no time to renew it");
        }
        this.store = store;
        this.outbox = outbox;
        this.owner = owner;
        this.leaseMillis = lease.toMillis();
        this.renewMillis = leaseMillis * RENEW_EVERY.toMillis() / LEASE.toMillis();
        this.clock = clock;
    }

    /**
     * Renews this bridge's lease, then takes over the outbox of every other bridge whose lease has run out.
     * Only a bridge that has renewed its own lease without a gap for a whole lease judges another dead: after
     * the database was away from every bridge, all leases look run out, and each bridge first gets a lease's
     * time to renew its own.
     */
    public void renew() {
        long now = clock.millis();
        boolean held = store.inTransaction(tx -> tx.takeover().renewLease(owner, now + leaseMillis));
        boolean first = renewedAt == Long.MIN_VALUE;
        if (!held && !first) {
            LOG.warn("this bridge stalled for longer than its lease ({} ms) and another took over its events; "
                    + "those both had published go out twice, with the same eventIds", leaseMillis);
            outbox.forgetTakenOver();
        }
        if (first || now - renewedAt > 2 * renewMillis) {
            steadySince = now;
        }
        renewedAt = now;
        if (now - steadySince < leaseMillis) {
            return;
        }
        List<String> dead = store.inTransaction(tx -> tx.takeover().expiredLeases(owner, now));
        for (String other : dead) {
            long started = System.nanoTime();
            int taken = outbox.adopt(other, now);
            if (taken > 0) {
                LOG.info("took over {} events of {} in {} ms", taken, other,
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            }
        }
    }

    /** Renews the lease every {@link #RENEW_EVERY} (scaled to the lease) on the worker. */
    public void schedule(ScheduledExecutorService timer, Executor worker) {
        timer.scheduleWithFixedDelay(() -> worker.execute(this::renew), renewMillis, renewMillis,
                TimeUnit.MILLISECONDS);
    }
}
