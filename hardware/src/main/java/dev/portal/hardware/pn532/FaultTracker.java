package dev.portal.hardware.pn532;

import dev.portal.hardware.pn532.link.LinkCounters;
import dev.portal.hardware.reader.ReaderException;
import dev.portal.hardware.reader.ReaderException.Failure;
import dev.portal.hardware.reader.ReaderFault;
import dev.portal.hardware.reader.ReaderFaultListener;
import dev.portal.hardware.reader.ReaderHealth;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Counts what went wrong on one PN532 reader and tells the listener about chip-level faults. */
final class FaultTracker {
    private static final Logger log = LoggerFactory.getLogger(FaultTracker.class);

    private final String name;
    private final ReaderFaultListener listener;
    private long resets;
    private long busDead;
    private long crcErrors;
    private long timeouts;

    FaultTracker(String name, ReaderFaultListener listener) {
        this.name = name;
        this.listener = listener;
    }

    void resetDone() {
        resets++;
    }

    /** Counts a failed operation by its kind. */
    void observe(ReaderException e) {
        switch (e.failure()) {
            case BUS_DEAD -> busDead++;
            case CRC -> crcErrors++;
            case TIMEOUT -> timeouts++;
            default -> {
                // NO_TAG, AUTHENTICATION, COLLISION, PROTOCOL: the tag's doing, not the reader's health
            }
        }
    }

    void report(Failure failure, String detail, boolean recovered) {
        if (recovered) {
            log.warn("{}: {}", name, detail);
        } else {
            log.error("{}: {}", name, detail);
        }
        listener.onFault(new ReaderFault(name, failure, detail, recovered, Instant.now()));
    }

    /** Stalls are commands the chip ACKed but never answered. */
    ReaderHealth health(LinkCounters link) {
        return new ReaderHealth(resets, busDead, link.responseTimeouts(), crcErrors, timeouts);
    }
}
