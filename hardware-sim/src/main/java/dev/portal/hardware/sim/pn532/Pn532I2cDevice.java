package dev.portal.hardware.sim.pn532;

import dev.portal.hardware.sim.pi4j.I2cDevice;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.function.BooleanSupplier;

/**
 * The PN532 model at its I2C address (0x24), for the chip-model Pi4J provider. A write transaction carries host
 * frames; every read transaction starts with the status byte (0x01 = a frame is ready). A one-byte read only
 * polls; a longer read returns the status byte and the pending frame, padded with zeros, and consumes it.
 * A dead bus does not acknowledge.
 */
public final class Pn532I2cDevice implements I2cDevice {
    private final Pn532Model model;
    private final BooleanSupplier busDead;
    private final Deque<byte[]> pending = new ArrayDeque<>();

    public Pn532I2cDevice(Pn532Model model, BooleanSupplier busDead) {
        this.model = model;
        this.busDead = busDead;
        model.connect(this::queue);
    }

    private synchronized void queue(byte[] frame) {
        pending.add(frame);
    }

    @Override
    public byte[] transfer(byte[] write, int readLength) {
        if (busDead.getAsBoolean()) {
            throw new I2cNackException("PN532 at 0x24 does not acknowledge");
        }
        model.wake(); // the address match wakes the chip
        if (write.length > 0) {
            model.receive(write);
        }
        if (readLength == 0) {
            return new byte[0];
        }
        synchronized (this) {
            byte[] out = new byte[readLength];
            byte[] frame = pending.peek();
            if (frame == null) {
                return out; // status 0x00: busy
            }
            out[0] = 0x01;
            if (readLength > 1) {
                pending.poll();
                System.arraycopy(frame, 0, out, 1, Math.min(frame.length, readLength - 1));
            }
            return out;
        }
    }

    /** Frames the host has not read yet; for tests. */
    public synchronized int pendingFrames() {
        return pending.size();
    }

    @Override
    public String toString() {
        return "Pn532I2cDevice" + Arrays.toString(pending.stream().map(f -> f.length).toArray());
    }
}
