package dev.portal.hardware.mfrc522;

import dev.portal.hardware.reader.ReaderException;
import java.util.concurrent.locks.LockSupport;

/**
 * Waits for interrupt bits by polling a register: the first look is immediate, then it sleeps between looks,
 * 100 us at first and doubling up to 1 ms, until the bits show or a deadline passes. The chip's own timer
 * bounds how long a tag is waited for; the deadline only catches a chip that stopped working. A poll thread
 * on a Pi Zero thus sleeps most of the time instead of spinning on SPI.
 */
final class IrqPoller {
    private static final long FIRST_PAUSE_NANOS = 100_000;
    private static final long MAX_PAUSE_NANOS = 1_000_000;

    private final RegisterBus bus;

    IrqPoller(RegisterBus bus) {
        this.bus = bus;
    }

    /**
     * Polls {@code register} until one of {@code mask} is set.
     *
     * @return the register value with a bit of {@code mask} set, or -1 when the deadline passed first
     */
    int await(int register, int mask, long timeoutNanos) throws ReaderException {
        long deadline = System.nanoTime() + timeoutNanos;
        long pause = FIRST_PAUSE_NANOS;
        while (true) {
            int value = bus.read(register);
            if ((value & mask) != 0) {
                return value;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return -1;
            }
            LockSupport.parkNanos(Math.min(pause, left));
            pause = Math.min(pause * 2, MAX_PAUSE_NANOS);
        }
    }
}
