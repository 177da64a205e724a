package dev.portal.device.toy;

import dev.portal.device.frame.EventSink;
import dev.portal.hardware.reader.NfcReader;
import dev.portal.hardware.reader.ReaderException;
import dev.portal.hardware.reader.TagSession;
import dev.portal.protocol.id.Uid;
import dev.portal.protocol.frame.Status;
import dev.portal.protocol.frame.TagType;
import dev.portal.protocol.frame.ToyRead;
import dev.portal.protocol.frame.WriteToy;
import dev.portal.protocol.toy.Area;
import dev.portal.protocol.toy.FleetKey;
import dev.portal.protocol.toy.TagLayout;
import dev.portal.protocol.toy.SaveAreas;
import dev.portal.protocol.toy.ToyReadResult;
import dev.portal.protocol.toy.ToyVerdict;
import dev.portal.protocol.toy.ToyWritePlan;

import java.util.Optional;

/**
 * Writes a toy record onto a toy, the safe way: read both areas, write the new record into the area NOT holding
 * the current one ({@link SaveAreas#planWrite}), read back and check. A toy lifted mid-write keeps its previous
 * record, because that area was never touched. Whether the toy is where the host says it is, is the caller's
 * business; call on the pad's thread.
 */
public final class ToyWriter {
    private final FleetKey key;
    private final EventSink sink;

    /** {@code sink} gets the ToyRead of a verified write. */
    public ToyWriter(FleetKey key, EventSink sink) {
        this.key = key;
        this.sink = sink;
    }

    public WriteResult write(NfcReader reader, WriteToy cmd) {
        Uid uid = cmd.uid();
        TagLayout layout;
        ToyReadResult before;
        ToyWritePlan plan;
        try (TagSession s = reader.select(uid)) {
            TagType type = TagMemory.detect(s, s.tag());
            Optional<TagLayout> l = TagMemory.layout(type);
            if (l.isEmpty()) {
                return WriteResult.of(Status.REJECTED, "tag type " + type + " has no toy layout");
            }
            layout = l.get();
            before = read(s, layout, uid);
            if (before.verdict() == ToyVerdict.TAMPERED || before.verdict() == ToyVerdict.UNKNOWN) {
                return WriteResult.of(Status.REJECTED, "toy is " + before.verdict() + " (" + before.reason()
                        + "); not overwritten");
            }
            plan = SaveAreas.planWrite(layout, before, cmd.record(), uid.bytes(), key);
            TagMemory.write(s, layout, plan.writes());
        } catch (ReaderException e) {
            return WriteResult.of(e.failure() == ReaderException.Failure.NO_TAG ? Status.NO_TAG : Status.FAILED,
                    "write interrupted (" + e.getMessage() + "); the toy keeps its previous record");
        } catch (IllegalStateException | IllegalArgumentException e) {
            return WriteResult.of(Status.REJECTED, e.getMessage());
        }
        try (TagSession s = reader.select(uid)) {
            ToyReadResult after = read(s, layout, uid);
            if (!plan.confirmedBy(after)) {
                return WriteResult.of(Status.FAILED, "read-back does not match (" + after.reason() + ")");
            }
            sink.emit(ToyRead.recognised(cmd.pad(), cmd.slot(), uid, after.record().orElseThrow()));
            return WriteResult.ok("written to area " + plan.target() + " with counter " + plan.counter()
                    + ", read back and verified");
        } catch (ReaderException e) {
            return WriteResult.of(Status.FAILED, "written but the read-back failed (" + e.getMessage() + ")");
        }
    }

    private ToyReadResult read(TagSession s, TagLayout layout, Uid uid) throws ReaderException {
        byte[] a = TagMemory.readArea(s, layout, Area.A);
        byte[] b = TagMemory.readArea(s, layout, Area.B);
        return SaveAreas.read(layout, a, b, uid.bytes(), key);
    }
}
