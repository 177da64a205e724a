package dev.portal.device.command;

import dev.portal.device.frame.EventSink;
import dev.portal.device.led.LedSignal;
import dev.portal.device.led.PadLights;
import dev.portal.device.presence.Holder;
import dev.portal.device.presence.SlotTable;
import dev.portal.device.toy.AreaWriter;
import dev.portal.device.toy.WriteResult;
import dev.portal.hardware.reader.NfcReader;
import dev.portal.protocol.frame.Status;
import dev.portal.protocol.frame.WriteArea;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * A WriteArea command: the toy must lie in the named slot on the named pad; the pad's LED shows the write while
 * it runs. The areas read during the command (after the write, or instead of it when the toy had changed) are
 * reported before the answer, so the host can judge them at once; until its verdict the pad shows "not verified
 * yet". Runs on the pad's thread.
 */
final class WriteAreaHandler {
    private static final Logger LOG = LoggerFactory.getLogger(WriteAreaHandler.class);

    private final SlotTable slots;
    private final PadLights lights;
    private final EventSink sink;

    WriteAreaHandler(SlotTable slots, PadLights lights, EventSink sink) {
        this.slots = slots;
        this.lights = lights;
        this.sink = sink;
    }

    Outcome write(NfcReader reader, WriteArea cmd) {
        Optional<Holder> holder = slots.inSlot(cmd.slot());
        if (holder.isEmpty() || !holder.get().uid().equals(cmd.uid()) || holder.get().pad() != cmd.pad()) {
            return Outcome.of(Status.NO_TAG, "toy " + cmd.uid() + " is not in slot " + cmd.slot() + " on pad "
                    + cmd.pad());
        }
        if (slots.isForeign(cmd.uid())) { // another line's toy: read, never written (SPEC.md section 12)
            return Outcome.of(Status.REJECTED, "toy " + cmd.uid() + " is a foreign toy: never written");
        }
        if (holder.get().tagType().toyLayout().isEmpty()) { // refused before the light says anything is written
            return Outcome.of(Status.REJECTED, "tag type " + holder.get().tagType() + " has no toy layout");
        }
        lights.signal(cmd.pad(), LedSignal.WRITING);
        WriteResult out = AreaWriter.write(reader, cmd);
        out.areas().ifPresent(sink::emit);
        // without a read to report the tag went away or failed mid-command: say so on the pad
        lights.signal(cmd.pad(), out.areas().isPresent() ? LedSignal.UNVERIFIED : LedSignal.ERROR);
        LOG.info("pad {}: write of area {} to {}: {} {}", cmd.pad(), cmd.target(), cmd.uid(), out.status(),
                out.detail());
        return Outcome.of(out.status(), out.detail());
    }
}
