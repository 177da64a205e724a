package dev.portal.hardware.reader;

import java.time.Instant;

/**
 * A fault a reader noticed in itself (not a tag that failed to answer): the chip stopped answering on its bus,
 * or stopped raising interrupts, and what the driver did about it.
 *
 * @param reader    which reader (its name, e.g. "mfrc522@spi0.1")
 * @param failure   the kind, usually {@link ReaderException.Failure#BUS_DEAD} or TIMEOUT
 * @param detail    what was seen
 * @param recovered true when a reset and re-initialisation brought the chip back
 */
public record ReaderFault(String reader, ReaderException.Failure failure, String detail, boolean recovered,
                          Instant at) {
}
