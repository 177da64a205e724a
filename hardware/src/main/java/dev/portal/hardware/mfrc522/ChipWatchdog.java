package dev.portal.hardware.mfrc522;

import dev.portal.hardware.reader.ReaderException;

/** Decides what a chip that raised no interrupt before the deadline means, and recovers it if it can. */
@FunctionalInterface
interface ChipWatchdog {

    /** Called when the chip stopped responding during {@code operation}; returns the failure to throw. */
    ReaderException chipUnresponsive(String operation);
}
