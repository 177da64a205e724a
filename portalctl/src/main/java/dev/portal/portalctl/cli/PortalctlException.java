package dev.portal.portalctl.cli;

import dev.portal.portalctl.ExitCodes;

/** Ends a command with a message for the technician and the exit status that classifies it. */
public final class PortalctlException extends RuntimeException {
    private final int exitCode;

    public PortalctlException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public PortalctlException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    public static PortalctlException unreachable(String message) {
        return new PortalctlException(ExitCodes.UNREACHABLE, message);
    }

    public static PortalctlException failure(String message) {
        return new PortalctlException(ExitCodes.FAILURE, message);
    }

    public static PortalctlException usage(String message) {
        return new PortalctlException(ExitCodes.USAGE, message);
    }
}
