package dev.portal.bridge.game;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portal.bridge.command.CommandSender;
import dev.portal.bridge.telemetry.BridgeCounters;
import dev.portal.bridge.telemetry.Counter;
import dev.portal.bridge.telemetry.DeadLetters;
import dev.portal.bridge.telemetry.Refusal;
import dev.portal.link.LinkException;
import dev.portal.link.Topic;
import dev.portal.bridge.state.AfterCommit;
import dev.portal.bridge.state.PendingWrite;
import dev.portal.bridge.state.Placement;
import dev.portal.bridge.state.ProfileRecords;
import dev.portal.bridge.state.TagImage;
import dev.portal.bridge.state.ToyAuthority;
import dev.portal.bridge.state.ToyProfile;
import dev.portal.bridge.store.Store;
import dev.portal.bridge.store.StoreTx;
import dev.portal.bridge.store.StoreUnavailableException;
import dev.portal.protocol.frame.CommandResult;
import dev.portal.protocol.frame.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Executor;

/**
 * Game-server updates to toys: validate, persist (marked "write pending"), then write the tag through the
 * portal the toy lies on and reply when the device answers or the timeout passes; a toy that is away gets
 * "queued" and is written when next placed. A write sent is kept in the store until answered (pending_write,
 * V9.sql), so whichever bridge of a share group gets the portal's answer settles it, and a write whose bridge died
 * is answered "timeout" by another. Runs on the bridge's worker thread.
 */
public final class UpdateService {
    private static final Logger LOG = LoggerFactory.getLogger(UpdateService.class);
    /** The answer to a change made for a player who does not own the toy (or for a toy nobody owns). */
    static final String NOT_YOURS = "not your toy";
    /** At most this many abandoned writes are answered per sweep; the next sweep takes the rest. */
    private static final int ABANDONED_BATCH = 100;

    private final Store store;
    private final CommandSender commands;
    private final GamePublisher publisher;
    private final DeadLetters deadLetters;
    private final BridgeCounters counters;
    private final ScheduledExecutorService timer;
    private final Executor worker;
    private final Duration writeTimeout;
    private final ToyAuthority toys;
    private final Clock clock;
    private final UpdateParser parser = new UpdateParser();
    private final long abandonedAfterMillis;

    /** A tag write the portal has not answered within {@code writeTimeout} is answered "timeout". */
    public UpdateService(BridgeParts parts, Duration writeTimeout) {
        this(parts, writeTimeout, BridgeLease.LEASE);
    }

    /**
     * @param abandonedAfter how long past its due time a write nobody answered waits before any bridge answers
     *                       it "timeout" (the bridge that sent it answers at the due time, unless it died): a lease
     */
    public UpdateService(BridgeParts parts, Duration writeTimeout, Duration abandonedAfter) {
        this.abandonedAfterMillis = abandonedAfter.toMillis();
        this.store = parts.store();
        this.commands = parts.commands();
        this.publisher = parts.publisher();
        this.deadLetters = parts.deadLetters();
        this.counters = parts.counters();
        this.timer = parts.timer();
        this.worker = parts.worker();
        this.writeTimeout = writeTimeout;
        this.toys = parts.toys();
        this.clock = parts.clock();
    }

    /** A request on {@code topic}, about the toy {@code uid} as the topic names it (not yet validated). */
    public void onRequest(Topic topic, String uid, byte[] payload) {
        counters.count(Counter.UPDATES_RECEIVED);
        UpdateRequest request;
        try {
            request = parser.parse(uid, payload);
        } catch (UpdateParser.Unanswerable e) {
            deadLetters.refuse(Refusal.BAD_REQUEST, e.getMessage(), topic.value(), payload);
            return;
        } catch (UpdateParser.Invalid e) {
            reject(e.partial(), e.getMessage());
            return;
        }
        record Outcome(ToyProfile profile, Optional<Placement> where, String problem) { }
        Outcome outcome = store.inTransaction(tx -> {
            if (request.player().isPresent() && !tx.players().claim(request.uid())
                    .map(c -> c.ownedBy(request.player().get())).orElse(false)) {
                return new Outcome(null, Optional.empty(), NOT_YOURS);
            }
            Optional<ToyProfile> toy = tx.toy(request.uid());
            if (toy.isEmpty()) {
                return new Outcome(null, Optional.empty(), "unknown toy " + request.uid());
            }
            ToyProfile changed;
            try {
                changed = request.change().applyTo(toy.get());
                ProfileRecords.toRecord(changed); // the tag's limits: name length, XP range, upgrade ids
            } catch (IllegalArgumentException | ArithmeticException e) {
                return new Outcome(null, Optional.empty(), e.getMessage());
            }
            changed = changed.withWritePending(true).nextRevision();
            tx.saveToy(changed);
            if (changed.xp() != toy.get().xp()) {
                tx.recordXp(changed, clock.millis());
            }
            return new Outcome(changed, tx.placementOf(request.uid()), null);
        });
        if (outcome.problem() != null) {
            reject(request, outcome.problem());
            return;
        }
        counters.count(Counter.UPDATES_APPLIED);
        publisher.publishToy(outcome.profile());
        if (outcome.where().isEmpty()) {
            reply(request, "queued", "written to the toy when it is next placed", outcome.profile());
            return;
        }
        Placement at = outcome.where().get();
        Optional<TagImage> image = store.inTransaction(tx -> tx.tagImage(at.uid()));
        ToyAuthority.Plan plan = image.<ToyAuthority.Plan>map(i -> toys.plan(i, at.pad(), at.slot(), outcome.profile()))
                .orElseGet(() -> new ToyAuthority.Refused("the toy has not been read yet"));
        switch (plan) {
            case ToyAuthority.Planned planned -> send(new AfterCommit.ToyWrite(at.deviceId(), planned.command(),
                    outcome.profile().revision()), Optional.of(request));
            case ToyAuthority.Refused refused -> reply(request, "queued",
                    "not written now (" + refused.why() + "); written when the toy is next placed and read",
                    outcome.profile());
        }
    }

    /** Sends the writes that placing a toy with a pending profile called for. */
    public void sendWrites(AfterCommit after) {
        after.writes().forEach(w -> send(w, Optional.empty()));
    }

    /**
     * Records the write in the store before its command goes out (the portal's answer may reach another bridge of
     * the share group, or this one may die before it comes), then sends it.
     */
    private void send(AfterCommit.ToyWrite write, Optional<UpdateRequest> request) {
        String uid = write.command().uid().hex();
        long correlationId = commands.nextId();
        PendingWrite pending = new PendingWrite(correlationId, write.deviceId(), uid, write.profileRevision(),
                request.map(r -> new PendingWrite.Requester(r.replyTo().value(), r.correlationId())),
                clock.millis() + writeTimeout.toMillis());
        try {
            store.inTransaction(tx -> {
                tx.takeover().addWrite(pending);
                return null;
            });
        } catch (StoreUnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            // not sent, as nobody could settle its answer; the toy keeps write_pending for its next read
            LOG.warn("could not record a write for {} on {}, not sent: {}", uid, write.deviceId(), e.toString());
            request.ifPresent(r -> reply(r, "queued", "not written now; written when the toy is next read", null));
            return;
        }
        try {
            commands.send(write.deviceId(), correlationId, write.command());
            counters.count(Counter.TOY_WRITES_SENT);
            timer.schedule(() -> worker.execute(() -> timedOut(correlationId)), writeTimeout.toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (LinkException e) {
            store.inTransaction(tx -> tx.takeover().settleWrite(correlationId));
            LOG.warn("could not send WriteArea for {} to {}: {}", uid, write.deviceId(), e.getMessage());
            request.ifPresent(r -> reply(r, "queued", "the portal is unreachable; written when next placed", null));
        }
    }

    /** A write the portal answered, settled in the store, and the toy as it stands after (null: not written). */
    private record Settled(PendingWrite write, CommandResult result, ToyProfile profile) {
    }

    /**
     * Settles the writes the portals answered, whichever bridge sent them, in one transaction for the batch;
     * the answers to anything else (ShowVerdict) are counted as unmatched.
     */
    public void onResults(AfterCommit after) {
        if (after.results().isEmpty()) {
            return;
        }
        List<Settled> settled = store.inTransaction(tx -> {
            List<Settled> done = new ArrayList<>();
            for (AfterCommit.DeviceResult r : after.results()) {
                long id = r.result().correlationId();
                // only the portal the write went to answers it, and only one bridge settles it
                tx.takeover().pendingWrite(id).filter(w -> w.deviceId().equals(r.deviceId()))
                        .filter(w -> tx.takeover().settleWrite(id))
                        .ifPresent(w -> done.add(new Settled(w, r.result(), r.result().status() == Status.OK
                                ? written(tx, w) : null)));
            }
            return done;
        });
        int unmatched = after.results().size() - settled.size();
        if (unmatched > 0) {
            counters.count(Counter.UNMATCHED_COMMAND_RESULTS, unmatched);
        }
        settled.forEach(this::answer);
    }

    /** The toy once its tag holds the write; write_pending stays if it changed again meanwhile (a newer write goes). */
    private static ToyProfile written(StoreTx tx, PendingWrite write) {
        Optional<ToyProfile> toy = tx.toy(write.uid());
        if (toy.isPresent() && toy.get().revision() == write.revision() && toy.get().writePending()) {
            ToyProfile written = toy.get().withWritePending(false);
            tx.saveToy(written);
            return written;
        }
        return toy.orElse(null);
    }

    private void answer(Settled s) {
        if (s.result().status() != Status.OK) {
            counters.count(Counter.TOY_WRITES_FAILED);
            reply(s.write(), "failed", s.result().status() + ": " + s.result().detail(), null);
            return;
        }
        counters.count(Counter.TOY_WRITES_CONFIRMED);
        if (s.profile() != null) {
            publisher.publishToy(s.profile());
        }
        reply(s.write(), "written", "the tag holds the new profile", s.profile());
    }

    private void timedOut(long correlationId) {
        store.inTransaction(tx -> tx.takeover().pendingWrite(correlationId)
                        .filter(w -> tx.takeover().settleWrite(correlationId)))
                .ifPresent(write -> timedOut(write, writeTimeout.toMillis()));
    }

    private void timedOut(PendingWrite write, long waitedMillis) {
        counters.count(Counter.TOY_WRITES_TIMED_OUT);
        reply(write, "timeout", "no answer from " + write.deviceId() + " within " + waitedMillis
                + " ms; written when next placed", null);
    }

    /**
     * Answers "timeout" for the writes nobody answered for {@code abandonedAfter} past their due time: their
     * bridge died before its own timeout. The toy keeps write_pending, so its next read plans the write again.
     * Run on the worker, every so often, by every bridge; each write is answered by the first that finds it.
     */
    public void answerAbandoned() {
        long now = clock.millis();
        store.inTransaction(tx -> tx.takeover().overdueWrites(now - abandonedAfterMillis, ABANDONED_BATCH).stream()
                        .filter(w -> tx.takeover().settleWrite(w.correlationId())).toList())
                .forEach(w -> timedOut(w, now - w.dueMillis() + writeTimeout.toMillis()));
    }

    private void reject(UpdateRequest request, String problem) {
        counters.count(Counter.UPDATES_REJECTED);
        reply(request, "rejected", problem, null);
    }

    private void reply(PendingWrite write, String status, String detail, ToyProfile profile) {
        write.requester().ifPresent(r -> reply(Topic.of(r.replyTo()), r.requestId(), write.uid(), status, detail,
                profile));
    }

    private void reply(UpdateRequest request, String status, String detail, ToyProfile profile) {
        reply(request.replyTo(), request.correlationId(), request.uid(), status, detail, profile);
    }

    private void reply(Topic replyTo, String requestId, String uid, String status, String detail, ToyProfile profile) {
        ObjectNode node = GameJson.MAPPER.createObjectNode();
        node.put("correlationId", requestId);
        node.put("uid", uid);
        node.put("status", status);
        node.put("detail", detail);
        if (profile != null) {
            node.set("profile", GameJson.profile(profile));
        } else {
            node.putNull("profile");
        }
        publisher.send(replyTo, node, false);
    }
}
