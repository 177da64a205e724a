package dev.portal.device.command;

import dev.portal.device.frame.EventSink;
import dev.portal.device.led.LedSignal;
import dev.portal.device.led.PadLights;
import dev.portal.device.presence.Holder;
import dev.portal.device.presence.SlotTable;
import dev.portal.device.presence.TagMemory;
import dev.portal.hardware.reader.NfcReader;
import dev.portal.hardware.reader.ReaderException;
import dev.portal.hardware.reader.TagSession;
import dev.portal.protocol.id.Uid;
import dev.portal.protocol.frame.Status;
import dev.portal.protocol.frame.TagType;
import dev.portal.protocol.frame.ToyRead;
import dev.portal.protocol.frame.WriteToy;
import dev.portal.protocol.toy.FleetKey;
import dev.portal.protocol.toy.TagLayout;
import dev.portal.protocol.toy.SaveAreas;
import dev.portal.protocol.toy.ToyReadResult;
import dev.portal.protocol.toy.ToyVerdict;
import dev.portal.protocol.toy.ToyWritePlan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * Writes a toy record back onto the toy on a pad, the safe way: read both areas, write the new record into the
 * area NOT holding the current one ({@link SaveAreas#planWrite}), read back and check. A toy lifted mid-write
 * keeps its previous record, because that area was never touched. Runs on the pad's thread.
 */
final class ToyWriter {
    private static final Logger LOG = LoggerFactory.getLogger(ToyWriter.class);

    private final SlotTable slots;
    private final Optional<FleetKey> key;
    private final PadLights lights;
    private final EventSink sink;

    ToyWriter(SlotTable slots, Optional<FleetKey> key, PadLights lights, EventSink sink) {
        this.slots = slots;
        this.key = key;
        this.lights = lights;
        this.sink = sink;
    }

    Outcome write(NfcReader reader, WriteToy cmd) {
        Uid uid = cmd.uid();
        Optional<Holder> holder = slots.inSlot(cmd.slot());
        if (holder.isEmpty() || !holder.get().uid().equals(uid) || holder.get().pad() != cmd.pad()) {
            return Outcome.of(Status.NO_TAG, "toy " + uid + " is not in slot " + cmd.slot() + " on pad " + cmd.pad());
        }
        if (key.isEmpty()) {
            return Outcome.of(Status.REJECTED, "no fleet key configured: this portal cannot sign toy records");
        }
        lights.signal(cmd.pad(), LedSignal.WRITING);
        Outcome out = writeSelected(reader, cmd, uid);
        lights.signal(cmd.pad(), out.status() == Status.OK ? LedSignal.RECOGNISED : LedSignal.ERROR);
        LOG.info("pad {}: write to {}: {} {}", cmd.pad(), uid, out.status(), out.detail());
        return out;
    }

    private Outcome writeSelected(NfcReader reader, WriteToy cmd, Uid uid) {
        TagLayout layout;
        ToyReadResult before;
        ToyWritePlan plan;
        try (TagSession s = reader.select(uid)) {
            TagType type = TagMemory.detect(s, s.tag());
            Optional<TagLayout> l = TagMemory.layout(type);
            if (l.isEmpty()) {
                return Outcome.of(Status.REJECTED, "tag type " + type + " has no toy layout");
            }
            layout = l.get();
            before = read(s, layout, uid);
            if (before.verdict() == ToyVerdict.TAMPERED || before.verdict() == ToyVerdict.UNKNOWN) {
                return Outcome.of(Status.REJECTED, "toy is " + before.verdict() + " (" + before.reason()
                        + "); not overwritten");
            }
            plan = SaveAreas.planWrite(layout, before, cmd.record(), uid.bytes(), key.get());
            TagMemory.write(s, layout, plan.writes());
        } catch (ReaderException e) {
            return Outcome.of(e.failure() == ReaderException.Failure.NO_TAG ? Status.NO_TAG : Status.FAILED,
                    "write interrupted (" + e.getMessage() + "); the toy keeps its previous record");
        } catch (IllegalStateException | IllegalArgumentException e) {
            return Outcome.of(Status.REJECTED, e.getMessage());
        }
        try (TagSession s = reader.select(uid)) {
            ToyReadResult after = read(s, layout, uid);
            if (!plan.confirmedBy(after)) {
                return Outcome.of(Status.FAILED, "read-back does not match (" + after.reason() + ")");
            }
            sink.emit(ToyRead.recognised(cmd.pad(), cmd.slot(), uid, after.record().orElseThrow()));
            return Outcome.ok("written to area " + plan.target() + " with counter " + plan.counter()
                    + ", read back and verified");
        } catch (ReaderException e) {
            return Outcome.of(Status.FAILED, "written but the read-back failed (" + e.getMessage() + ")");
        }
    }

    private ToyReadResult read(TagSession s, TagLayout layout, Uid uid) throws ReaderException {
        byte[] a = TagMemory.readArea(s, layout, dev.portal.protocol.toy.Area.A);
        byte[] b = TagMemory.readArea(s, layout, dev.portal.protocol.toy.Area.B);
        return SaveAreas.read(layout, a, b, uid.bytes(), key.get());
    }
}
