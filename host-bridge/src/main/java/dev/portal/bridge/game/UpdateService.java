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
import dev.portal.bridge.state.Placement;
import dev.portal.bridge.state.ProfileRecords;
import dev.portal.bridge.state.TagImage;
import dev.portal.bridge.state.ToyAuthority;
import dev.portal.bridge.state.ToyProfile;
import dev.portal.bridge.store.Store;
import dev.portal.protocol.frame.CommandResult;
import dev.portal.protocol.frame.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Executor;

/**
 * Game-server updates to toys: validate, persist (marked "write pending"), then write the tag through the
 * portal the toy lies on and reply when the device answers or the timeout passes; a toy that is away gets
 * "queued" and is written when next placed. Runs on the bridge's worker thread.
 */
public final class UpdateService {
    private static final Logger LOG = LoggerFactory.getLogger(UpdateService.class);
    /** The answer to a change made for a player who does not own the toy (or for a toy nobody owns). */
    static final String NOT_YOURS = "not your toy";

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
    private final Map<Long, PendingWrite> pending = new HashMap<>();

    private record PendingWrite(String deviceId, String uid, long revision, Optional<UpdateRequest> request) {
    }

    /** A tag write the portal has not answered within {@code writeTimeout} is answered "timeout". */
    public UpdateService(BridgeParts parts, Duration writeTimeout) {
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

    private void send(AfterCommit.ToyWrite write, Optional<UpdateRequest> request) {
        String uid = write.command().uid().hex();
        try {
            long correlationId = commands.send(write.deviceId(), write.command());
            counters.count(Counter.TOY_WRITES_SENT);
            pending.put(correlationId, new PendingWrite(write.deviceId(), uid, write.profileRevision(), request));
            timer.schedule(() -> worker.execute(() -> timedOut(correlationId)), writeTimeout.toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (LinkException e) {
            LOG.warn("could not send WriteArea for {} to {}: {}", uid, write.deviceId(), e.getMessage());
            request.ifPresent(r -> reply(r, "queued", "the portal is unreachable; written when next placed", null));
        }
    }

    public void onResults(AfterCommit after) {
        after.results().forEach(r -> onResult(r.deviceId(), r.result()));
    }

    private void onResult(String deviceId, CommandResult result) {
        PendingWrite write = pending.get(result.correlationId());
        if (write == null || !write.deviceId().equals(deviceId)) {
            counters.count(Counter.UNMATCHED_COMMAND_RESULTS);
            return;
        }
        pending.remove(result.correlationId());
        if (result.status() != Status.OK) {
            counters.count(Counter.TOY_WRITES_FAILED);
            write.request().ifPresent(r -> reply(r, "failed", result.status() + ": " + result.detail(), null));
            return;
        }
        counters.count(Counter.TOY_WRITES_CONFIRMED);
        ToyProfile profile = store.inTransaction(tx -> {
            Optional<ToyProfile> toy = tx.toy(write.uid());
            if (toy.isPresent() && toy.get().revision() == write.revision() && toy.get().writePending()) {
                ToyProfile written = toy.get().withWritePending(false);
                tx.saveToy(written);
                return written;
            }
            return toy.orElse(null); // changed again meanwhile: the newer write is on its way
        });
        if (profile != null) {
            publisher.publishToy(profile);
        }
        write.request().ifPresent(r -> reply(r, "written", "the tag holds the new profile", profile));
    }

    private void timedOut(long correlationId) {
        PendingWrite write = pending.remove(correlationId);
        if (write != null) {
            counters.count(Counter.TOY_WRITES_TIMED_OUT);
            write.request().ifPresent(r -> reply(r, "timeout",
                    "no answer from " + write.deviceId() + " within " + writeTimeout.toMillis()
                            + " ms; written when next placed", null));
        }
    }

    private void reject(UpdateRequest request, String problem) {
        counters.count(Counter.UPDATES_REJECTED);
        reply(request, "rejected", problem, null);
    }

    private void reply(UpdateRequest request, String status, String detail, ToyProfile profile) {
        ObjectNode node = GameJson.MAPPER.createObjectNode();
        node.put("correlationId", request.correlationId());
        node.put("uid", request.uid());
        node.put("status", status);
        node.put("detail", detail);
        if (profile != null) {
            node.set("profile", GameJson.profile(profile));
        } else {
            node.putNull("profile");
        }
        publisher.send(request.replyTo(), node, false);
    }
}
