package dev.portal.portalctl;

/** Exit codes every portalctl command keeps to, so scripts can tell a bad frame from a typo. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int BAD_INPUT = 1;
    /** picocli's own code for parameter errors. */
    public static final int USAGE = 2;

    private ExitCodes() {
    }
}
