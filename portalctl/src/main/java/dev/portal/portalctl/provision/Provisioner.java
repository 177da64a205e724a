package dev.portal.portalctl.provision;

import dev.portal.portalctl.inspect.FrameText;
import dev.portal.portalctl.link.DeviceSession;
import dev.portal.portalctl.link.FrameStream;
import dev.portal.protocol.frame.CommandResult;
import dev.portal.protocol.frame.Status;
import dev.portal.protocol.frame.ToyRead;
import dev.portal.protocol.frame.WriteToy;
import dev.portal.protocol.id.Uid;
import dev.portal.protocol.toy.ToyRecord;
import dev.portal.protocol.toy.ToyVerdict;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The factory line: tags are laid on the portal one after another; every BLANK one gets the toy record (the
 * portal signs it with its fleet key, writes it, reads it back and verifies). A tag that already carries a
 * record is refused unless forced, so a finished toy put back by mistake is never overwritten. Each tag is
 * handled once per run, however long it lies there.
 */
public final class Provisioner {
    /** What happened to one tag, for the per-tag line and the summary. */
    public record TagEvent(String uid, String outcome, String detail) {
    }

    private final DeviceSession session;
    private final ToyRecord record;
    private final boolean force;
    private final Duration writeTimeout;
    private int written;
    private int refused;
    private int failed;

    public Provisioner(DeviceSession session, ToyRecord record, boolean force, Duration writeTimeout) {
        this.session = session;
        this.record = record;
        this.force = force;
        this.writeTimeout = writeTimeout;
    }

    /** Handles tags until {@code count} are written or no new tag came for {@code idle}; true when all were written. */
    public boolean run(FrameStream stream, int count, Duration idle, Consumer<TagEvent> report) throws InterruptedException {
        Set<Uid> handled = new HashSet<>();
        while (written < count) {
            Optional<ToyRead> read = stream.await(ToyRead.class, r -> !handled.contains(r.uid()), idle);
            if (read.isEmpty()) {
                return false;
            }
            ToyRead r = read.get();
            handled.add(r.uid());
            String uid = r.uid().hex();
            if (r.verdict() != ToyVerdict.BLANK && !force) {
                refused++;
                report.accept(new TagEvent(uid, "refused", "tag already carries a " + r.verdict() + " record"
                        + r.record().map(FrameText::toy).orElse("") + "; --force overwrites it"));
                continue;
            }
            long id = session.send(new WriteToy(r.pad(), r.slot(), r.uid(), record));
            Optional<CommandResult> result = stream.await(CommandResult.class, c -> c.correlationId() == id, writeTimeout);
            if (result.isPresent() && result.get().status() == Status.OK) {
                written++;
                report.accept(new TagEvent(uid, "written", "pad " + r.pad() + ": " + result.get().detail()));
            } else {
                failed++;
                report.accept(new TagEvent(uid, "failed", result.map(c -> c.status() + ": " + c.detail())
                        .orElse("no answer within " + DeviceSession.human(writeTimeout)) + "; lay the tag again to retry"));
                handled.remove(uid); // a failed tag may be laid again
            }
        }
        return true;
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
