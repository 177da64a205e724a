package dev.portal.hardware.sim.rf;

/**
 * Counts what went over the air of one antenna, as modelled time at 106 kbit/s (128/fc, about 9.44 us a bit,
 * framing included: parity, start and end of frame, and the tag's frame delay time before it answers).
 * Thread-safe.
 */
public final class AirTimeMeter {
    /** One bit period at 106 kbit/s in nanoseconds (128 / 13.56 MHz). */
    public static final double NANOS_PER_BIT = 128 / 13.56e6 * 1e9;

    private long readerFrames;
    private long readerBits;
    private long tagFrames;
    private long tagBits;
    private long waitMicros;

    synchronized void readerSent(RfFrame frame) {
        readerFrames++;
        readerBits += frame.airBits();
    }

    /** A frame the reader sent that no tag could hear (field off, no 100 % ASK): air time all the same. */
    public synchronized void readerSentUnheard(RfFrame frame) {
        readerSent(frame);
    }

    synchronized void tagAnswered(Reception reception) {
        if (!reception.isSilent()) {
            tagFrames++;
            tagBits += reception.frame().airBits();
            waitMicros += reception.delayMicros();
        }
    }

    /** Time a reader spent waiting for an answer that never came (its timeout), counted by the reader model. */
    public synchronized void waited(long micros) {
        waitMicros += micros;
    }

    public synchronized long readerFrames() {
        return readerFrames;
    }

    public synchronized long tagFrames() {
        return tagFrames;
    }

    /** Bits on the air, both directions, framing included. */
    public synchronized long bits() {
        return readerBits + tagBits;
    }

    /** Modelled time the bits took on the air, in microseconds. */
    public synchronized double airMicros() {
        return bits() * NANOS_PER_BIT / 1000.0;
    }

    /** Modelled time spent waiting: frame delay times before answers plus timeouts when nobody answered. */
    public synchronized long waitMicros() {
        return waitMicros;
    }

    public synchronized void reset() {
        readerFrames = readerBits = tagFrames = tagBits = waitMicros = 0;
    }
}
