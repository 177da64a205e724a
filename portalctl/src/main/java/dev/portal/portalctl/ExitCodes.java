package dev.portal.portalctl;

/** Exit codes every portalctl command keeps to, so scripts can tell a bad frame from a typo. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int BAD_INPUT = 1;
    /** The device refused or failed what was asked (same code as bad input: the request did not go through). */
    public static final int FAILURE = 1;
    /** picocli's own code for parameter errors. */
    public static final int USAGE = 2;
    /** Broker, serial port or device did not answer in time. */
    public static final int UNREACHABLE = 3;
    /** A batch (several devices, several tags) partly failed. */
    public static final int PARTIAL = 4;

    /** For the help of every command that talks to a device. */
    public static final String HEADING = "%nExit codes:%n";
    public static final String OK_TEXT = "0:ok";
    public static final String FAILURE_TEXT = "1:failure reported by the device, or invalid input";
    public static final String USAGE_TEXT = "2:usage error";
    public static final String UNREACHABLE_TEXT = "3:broker, serial port or device unreachable / timed out";
    public static final String PARTIAL_TEXT = "4:partial failure in a batch (some devices or tags failed)";

    private ExitCodes() {
    }
}
