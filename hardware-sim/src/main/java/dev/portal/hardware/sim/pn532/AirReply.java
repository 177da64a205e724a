package dev.portal.hardware.sim.pn532;

import java.util.Arrays;

/** What the receiver got after a transmission. */
public sealed interface AirReply {

    /** No tag answered within the receive window. */
    record Silence() implements AirReply {
    }

    /**
     * One clean answer. {@code lastBits} are the valid bits of the last byte (0 = all 8): a 4-bit ACK/NAK has
     * one byte with 4 valid bits.
     */
    record Frame(byte[] data, int lastBits) implements AirReply {
        public Frame {
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        public boolean isFourBit() {
            return data.length == 1 && lastBits == 4;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Frame f && f.lastBits == lastBits && Arrays.equals(f.data, data);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(data) * 31 + lastBits;
        }
    }

    /**
     * Several tags answered with different bits: {@code data} holds the bits received up to the collision,
     * {@code collisionBit} the 0-based index of the first colliding bit in the answer (LSB first).
     */
    record Collision(byte[] data, int collisionBit) implements AirReply {
        public Collision {
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }
    }

    /** An answer with a bad CRC_A or parity. */
    record Corrupt() implements AirReply {
    }
}
