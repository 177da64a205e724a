package dev.portal.portalctl.provision;

import dev.portal.portalctl.inspect.FrameText;
import dev.portal.portalctl.link.DeviceSession;
import dev.portal.portalctl.link.FrameStream;
import dev.portal.protocol.frame.CommandResult;
import dev.portal.protocol.frame.Message;
import dev.portal.protocol.frame.ShowVerdict;
import dev.portal.protocol.frame.Status;
import dev.portal.protocol.frame.ToyAreas;
import dev.portal.protocol.frame.WriteArea;
import dev.portal.protocol.id.Uid;
import dev.portal.protocol.toy.FleetKey;
import dev.portal.protocol.toy.SaveAreas;
import dev.portal.protocol.toy.TagLayout;
import dev.portal.protocol.toy.ToyReadResult;
import dev.portal.protocol.toy.ToyRecord;
import dev.portal.protocol.toy.ToyVerdict;
import dev.portal.protocol.toy.ToyWritePlan;
import dev.portal.protocol.toy.WebCode;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The factory line: tags are laid on the portal one after another; every BLANK one gets the toy record. The
 * factory holds the toy key, which no portal holds since protocol 1.1: it judges the areas the portal reports,
 * signs the record into an area image planned from them ({@link SaveAreas#planWrite}) and sends that (WriteArea);
 * the portal writes it, reads both areas back and reports them, and the tag counts as written once they judge as
 * exactly the planned record. A tag that already carries a record is refused unless forced, so a finished toy
 * put back by mistake is never overwritten; a TAMPERED or UNKNOWN one never is. The pad then shows the verdict
 * (ShowVerdict). Each tag is handled once per run, however long it lies there.
 */
public final class Provisioner {
    /** What happened to one tag, for the per-tag line and the summary; {@code webCode} once it is registered. */
    public record TagEvent(String uid, String outcome, String detail, Optional<WebCode> webCode) {
        TagEvent(String uid, String outcome, String detail) {
            this(uid, outcome, detail, Optional.empty());
        }
    }

    /** The answer to a write, and the areas the portal reported just before it (its read-back). */
    private record WriteAnswer(Optional<CommandResult> result, Optional<ToyAreas> readBack) {
    }

    private final DeviceSession session;
    private final ToyRecord record;
    private final boolean force;
    private final Duration writeTimeout;
    private final FleetKey key;
    private final Optional<WebCodeRegistrar> codes;
    private int written;
    private int refused;
    private int failed;

    /** @param codes registers each written toy's web code with the bridge; empty: toys get none */
    public Provisioner(DeviceSession session, ToyRecord record, boolean force, Duration writeTimeout, FleetKey key,
                       Optional<WebCodeRegistrar> codes) {
        this.session = session;
        this.codes = codes;
        this.record = record;
        this.force = force;
        this.writeTimeout = writeTimeout;
        this.key = key;
    }

    /** Handles tags until {@code count} are written or no new tag came for {@code idle}; true when all were written. */
    public boolean run(FrameStream stream, int count, Duration idle, Consumer<TagEvent> report) throws InterruptedException {
        Set<Uid> handled = new HashSet<>();
        while (written < count) {
            Optional<ToyAreas> read = stream.await(ToyAreas.class, r -> !handled.contains(r.uid()), idle);
            if (read.isEmpty()) {
                return false;
            }
            handled.add(read.get().uid());
            TagEvent event = handle(stream, read.get());
            if (event.outcome().equals("failed")) {
                handled.remove(read.get().uid()); // a failed tag may be laid again
            }
            report.accept(event);
        }
        return true;
    }

    private TagEvent handle(FrameStream stream, ToyAreas read) throws InterruptedException {
        String uid = read.uid().hex();
        ToyReadResult before = read.judge(key);
        if (before.verdict() != ToyVerdict.BLANK && !force) {
            return refuse(read, before, "tag already carries a " + before.verdict() + " record"
                    + before.record().map(FrameText::toy).orElse("") + "; --force overwrites it");
        }
        ToyWritePlan plan;
        try {
            TagLayout layout = read.tagType().toyLayout().orElseThrow(
                    () -> new IllegalStateException("tag type " + read.tagType() + " holds no toy record"));
            plan = SaveAreas.planWrite(layout, before, record, read.uid().bytes(), key);
        } catch (IllegalStateException e) {
            return refuse(read, before, e.getMessage());
        }
        long id = session.send(WriteArea.of(read, plan));
        WriteAnswer answer = awaitWrite(stream, id, read.uid());
        if (answer.result().isEmpty() || answer.result().get().status() != Status.OK) {
            failed++;
            return new TagEvent(uid, "failed", answer.result().map(c -> c.status() + ": " + c.detail())
                    .orElse("no answer within " + DeviceSession.human(writeTimeout)) + "; lay the tag again to retry");
        }
        Optional<ToyReadResult> after = answer.readBack().map(a -> a.judge(key));
        if (after.isEmpty() || !plan.confirmedBy(after.get())) {
            failed++;
            return new TagEvent(uid, "failed", "written, but the read-back " + after.map(a -> "is " + a.verdict()
                    + " (" + a.reason() + ")").orElse("was not reported") + "; lay the tag again to retry");
        }
        String done = "pad " + read.pad() + ": " + answer.result().get().detail() + "; verified with the toy key (area "
                + plan.target() + ", counter " + plan.counter() + ")";
        Optional<WebCode> code = Optional.empty();
        if (codes.isPresent()) {
            WebCodeRegistrar.Registration registration = codes.get().register(read.uid());
            if (!registration.registered()) {
                // A toy without a registered code cannot be claimed: it is not finished.
                failed++;
                return new TagEvent(uid, "failed", done + ", but its web code is not registered ("
                        + registration.detail() + "); run again with --force and lay the tag again");
            }
            code = Optional.of(registration.code());
        }
        written++;
        show(read, ToyVerdict.RECOGNISED);
        return new TagEvent(uid, "written", done, code);
    }

    private TagEvent refuse(ToyAreas read, ToyReadResult judged, String why) {
        refused++;
        show(read, judged.verdict());
        return new TagEvent(read.uid().hex(), "refused", why);
    }

    /** The pad shows what the tag is now; its answer is not waited for (the light is a courtesy to the line). */
    private void show(ToyAreas read, ToyVerdict verdict) {
        session.send(new ShowVerdict(read.pad(), read.slot(), read.uid(), verdict));
    }

    private WriteAnswer awaitWrite(FrameStream stream, long id, Uid uid) throws InterruptedException {
        long deadline = System.nanoTime() + writeTimeout.toNanos();
        Optional<ToyAreas> readBack = Optional.empty();
        while (true) {
            Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
            Optional<Message> m = stream.await(Message.class, x -> x instanceof CommandResult c
                    && c.correlationId() == id || x instanceof ToyAreas a && a.uid().equals(uid), left);
            if (m.isEmpty()) {
                return new WriteAnswer(Optional.empty(), readBack);
            }
            if (m.get() instanceof ToyAreas a) {
                readBack = Optional.of(a);
            } else {
                return new WriteAnswer(Optional.of((CommandResult) m.get()), readBack);
            }
        }
    }

    public int written() {
        return written;
    }

    public int refused() {
        return refused;
    }

    public int failed() {
        return failed;
    }
}
