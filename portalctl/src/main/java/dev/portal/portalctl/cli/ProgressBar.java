package dev.portal.portalctl.cli;

import java.io.PrintWriter;

/** A one-line progress bar redrawn in place on stderr; silent when disabled so logs and pipes stay clean. */
public final class ProgressBar implements AutoCloseable {
    private static final int WIDTH = 30;
    private final PrintWriter err;
    private final String label;
    private final long total;
    private final boolean enabled;
    private int lastPermille = -1;

    ProgressBar(PrintWriter err, String label, long total, boolean enabled) {
        this.err = err;
        this.label = label;
        this.total = Math.max(1, total);
        this.enabled = enabled;
    }

    public synchronized void update(long done) {
        if (!enabled) {
            return;
        }
        int permille = (int) Math.min(1000, done * 1000 / total);
        if (permille == lastPermille) {
            return;
        }
        lastPermille = permille;
        int filled = permille * WIDTH / 1000;
        err.print("\r" + label + " [" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] "
                + String.format("%5.1f%%", permille / 10.0) + " " + done + "/" + total);
        err.flush();
    }

    @Override
    public synchronized void close() {
        if (enabled && lastPermille >= 0) {
            err.println();
            err.flush();
        }
    }
}
