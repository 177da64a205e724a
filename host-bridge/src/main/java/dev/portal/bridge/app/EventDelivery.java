package dev.portal.bridge.app;

import dev.portal.bridge.game.BridgeLease;
import dev.portal.bridge.game.EventOutbox;
import dev.portal.bridge.store.Store;
import dev.portal.bridge.telemetry.BridgeCounters;
import dev.portal.link.BrokerLink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * How the bridge's game/events reach the broker for sure: the outbox, its upkeep on the timer, and the lease
 * that hands the unsent events of a bridge that died to one still running.
 */
final class EventDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(EventDelivery.class);
    /** How often the events the broker has confirmed are deleted from the outbox. */
    private static final long OUTBOX_CLEANUP_MILLIS = 1_000;
    /** An event the broker has not confirmed after this long is published again (same eventId). */
    private static final Duration OUTBOX_RESEND_AFTER = Duration.ofSeconds(10);

    private final EventOutbox outbox;
    private final BridgeLease lease;

    /** @param owner the bridge's MQTT client id: its outbox rows and its lease go by it */
    EventDelivery(Store store, BrokerLink link, BridgeCounters counters, String owner, Duration lease, Clock clock) {
        this.outbox = new EventOutbox(store, link, counters, owner, OUTBOX_RESEND_AFTER);
        this.lease = new BridgeLease(store, outbox, owner, lease, clock);
    }

    EventOutbox outbox() {
        return outbox;
    }

    /** Once connected, before any message: renews the lease, then publishes what the last run left unconfirmed. */
    void resume() {
        lease.renew();
        outbox.resendLeftovers();
    }

    void schedule(ScheduledExecutorService timer, Executor worker) {
        timer.scheduleWithFixedDelay(() -> worker.execute(outbox::maintain), OUTBOX_CLEANUP_MILLIS,
                OUTBOX_CLEANUP_MILLIS, TimeUnit.MILLISECONDS);
        lease.schedule(timer, worker);
    }

    /**
     * After the link closed: what the broker confirmed up to the disconnect is not sent again. The lease is
     * left to run out, so the others send what is left if this bridge does not come back.
     */
    void close() {
        try {
            outbox.forgetConfirmed();
        } catch (RuntimeException e) {
            LOG.warn("could not record the last confirmed events (they will be sent again): {}", e.toString());
        }
    }
}
