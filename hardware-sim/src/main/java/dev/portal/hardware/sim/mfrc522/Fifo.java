package dev.portal.hardware.sim.mfrc522;

import dev.portal.hardware.mfrc522.Mfrc522Registers;
import java.util.ArrayDeque;

/** The chip's 64-byte FIFO. Pushing into a full FIFO drops the byte and reports an overflow. Not thread-safe. */
final class Fifo {
    private final ArrayDeque<Byte> bytes = new ArrayDeque<>(Mfrc522Registers.FIFO_SIZE);

    /** False when the FIFO was full and the byte was lost. */
    boolean push(byte b) {
        if (bytes.size() >= Mfrc522Registers.FIFO_SIZE) {
            return false;
        }
        bytes.addLast(b);
        return true;
    }

    /** The next byte, or 0 when the FIFO is empty (reading an empty FIFO returns nothing useful). */
    byte pop() {
        Byte b = bytes.pollFirst();
        return b == null ? 0 : b;
    }

    /** Takes everything out. */
    byte[] drain() {
        byte[] out = new byte[bytes.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = bytes.pollFirst();
        }
        return out;
    }

    int level() {
        return bytes.size();
    }

    void flush() {
        bytes.clear();
    }
}
