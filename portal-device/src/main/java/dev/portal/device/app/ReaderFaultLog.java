package dev.portal.device.app;

import dev.portal.hardware.reader.ReaderFault;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs the faults a reader driver notices in its chip (dead bus, stalled chip) and what came of its recovery. */
public final class ReaderFaultLog {
    private static final Logger LOG = LoggerFactory.getLogger(ReaderFaultLog.class);

    private ReaderFaultLog() {
    }

    public static void log(ReaderFault fault) {
        if (fault.recovered()) {
            LOG.warn("{}: {} ({}), recovered by a reset", fault.reader(), fault.failure(), fault.detail());
        } else {
            LOG.error("{}: {} ({}), not recovered", fault.reader(), fault.failure(), fault.detail());
        }
    }
}
