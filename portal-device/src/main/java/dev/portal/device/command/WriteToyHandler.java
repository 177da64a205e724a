package dev.portal.device.command;

import dev.portal.device.led.LedSignal;
import dev.portal.device.led.PadLights;
import dev.portal.device.presence.Holder;
import dev.portal.device.presence.SlotTable;
import dev.portal.device.toy.ToyWriter;
import dev.portal.device.toy.WriteResult;
import dev.portal.hardware.reader.NfcReader;
import dev.portal.protocol.frame.Status;
import dev.portal.protocol.frame.WriteToy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * A WriteToy command: the toy must lie in the named slot on the named pad and the portal must hold the fleet key
 * (no key, no writer); the pad's LED shows the write while it runs. Runs on the pad's thread.
 */
final class WriteToyHandler {
    private static final Logger LOG = LoggerFactory.getLogger(WriteToyHandler.class);

    private final SlotTable slots;
    private final Optional<ToyWriter> writer;
    private final PadLights lights;

    WriteToyHandler(SlotTable slots, Optional<ToyWriter> writer, PadLights lights) {
        this.slots = slots;
        this.writer = writer;
        this.lights = lights;
    }

    Outcome write(NfcReader reader, WriteToy cmd) {
        Optional<Holder> holder = slots.inSlot(cmd.slot());
        if (holder.isEmpty() || !holder.get().uid().equals(cmd.uid()) || holder.get().pad() != cmd.pad()) {
            return Outcome.of(Status.NO_TAG, "toy " + cmd.uid() + " is not in slot " + cmd.slot() + " on pad "
                    + cmd.pad());
        }
        if (writer.isEmpty()) {
            return Outcome.of(Status.REJECTED, "no fleet key configured: this portal cannot sign toy records");
        }
        lights.signal(cmd.pad(), LedSignal.WRITING);
        WriteResult out = writer.get().write(reader, cmd);
        lights.signal(cmd.pad(), out.status() == Status.OK ? LedSignal.RECOGNISED : LedSignal.ERROR);
        LOG.info("pad {}: write to {}: {} {}", cmd.pad(), cmd.uid(), out.status(), out.detail());
        return Outcome.of(out.status(), out.detail());
    }
}
