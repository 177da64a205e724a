package dev.portal.hardware.sim.rf;

/**
 * What a reader's receiver made of the answers to one frame.
 *
 * @param frame        the bits received (all answers combined bit by bit); empty when nobody answered
 * @param collisionBit index of the first bit where answering tags disagreed (0-based, in {@code frame}), or -1
 * @param parityError  a byte arrived with a wrong parity bit (bit errors on the air)
 * @param delayMicros  how long after the end of the reader's frame the answer started (a stalled tag answers
 *                     late; a reader whose timeout is shorter sees nothing)
 */
public record Reception(RfFrame frame, int collisionBit, boolean parityError, long delayMicros) {

    /** Frame delay time of an ISO14443A tag answering at 106 kbit/s (about 1172/fc). */
    public static final long NOMINAL_DELAY_MICROS = 86;

    public static Reception silence() {
        return new Reception(RfFrame.empty(), -1, false, 0);
    }

    public static Reception clean(RfFrame frame) {
        return new Reception(frame, -1, false, NOMINAL_DELAY_MICROS);
    }

    public boolean isSilent() {
        return frame.bitCount() == 0;
    }

    public boolean hasCollision() {
        return collisionBit >= 0;
    }
}
