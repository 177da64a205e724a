package dev.portal.hardware.reader;

/**
 * Counters a reader keeps about itself since it was opened.
 *
 * @param resets         resets and re-initialisations done (asked for or for recovery)
 * @param busDead        times the chip was found not answering on its bus
 * @param stalls         times the chip raised no interrupt before the driver's deadline
 * @param crcErrors      frames received with a bad CRC or parity
 * @param timeouts       exchanges where no tag answered in time (an empty field counts too)
 */
public record ReaderHealth(long resets, long busDead, long stalls, long crcErrors, long timeouts) {
}
