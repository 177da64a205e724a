package dev.portal.bridge.game;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portal.bridge.state.PortalState;
import dev.portal.bridge.state.ToyProfile;
import dev.portal.bridge.store.Store;
import dev.portal.bridge.store.StoreTx;
import dev.portal.bridge.telemetry.BridgeCounters;
import dev.portal.bridge.telemetry.Counter;
import dev.portal.link.BrokerLink;
import dev.portal.link.Qos;
import dev.portal.link.Topic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Retained documents when bridges share the portals ({@code --shared}). Two bridges may change one toy or portal
 * one after the other and publish in the other order, which would leave game servers an older document than
 * the newest. So each document is published inside a transaction that holds its row's lock (the toy's row, the
 * portal's stream lock), is built from the row as it is then, and the broker's acknowledgement is awaited before
 * the lock is let go: whoever publishes next reads a state at least as new and reaches the broker after.
 * One document per transaction, so a publisher holds one lock at a time and never waits in a cycle.
 */
final class LockedDocuments {
    private static final Logger LOG = LoggerFactory.getLogger(LockedDocuments.class);
    /** How long the broker may take to acknowledge a document while its lock is held. */
    private static final Duration ACK_WAIT = Duration.ofSeconds(5);

    private final Store store;
    private final BrokerLink link;
    private final BridgeCounters counters;

    LockedDocuments(Store store, BrokerLink link, BridgeCounters counters) {
        this.store = store;
        this.link = link;
        this.counters = counters;
    }

    /** The toy's document as its row is now ({@code document} builds it inside the transaction). */
    void toy(String uid, Topic topic, BiFunction<StoreTx, ToyProfile, ObjectNode> document) {
        store.inTransaction(tx -> {
            // reading the toy locks its row (JdbcStoreTx reads toys for a change) until the document is out
            tx.toy(uid).ifPresent(toy -> publishAndWait(topic, document.apply(tx, toy)));
            return null;
        });
    }

    /** The portal's document as its row is now, under the portal's stream lock; the state, if there is one. */
    Optional<PortalState> portal(String deviceId, Topic topic, Function<PortalState, ObjectNode> document) {
        return store.inTransaction(tx -> {
            tx.sharedStreams().lock(deviceId);
            Optional<PortalState> current = tx.portal(deviceId);
            current.ifPresent(p -> publishAndWait(topic, document.apply(p)));
            return current;
        });
    }

    private void publishAndWait(Topic topic, ObjectNode document) {
        if (!await(link.publish(topic, GameJson.bytes(document), Qos.AT_LEAST_ONCE, true))) {
            // The broker is away: the document goes out when it is back, in no promised order; the next change
            // or the bridge's refresh at start puts the newest one in place.
            counters.count(Counter.PUBLISH_FAILURES);
            LOG.warn("the broker did not take {} within {} ms while its lock was held", topic, ACK_WAIT.toMillis());
        }
    }

    /** Waits at most {@link #ACK_WAIT} for the broker's answer; false if it did not come or was a failure. */
    boolean await(CompletableFuture<Void> answer) {
        try {
            answer.get(ACK_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
