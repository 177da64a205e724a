package dev.portal.portalctl;

/** The input given to a command is wrong (not the command line): reported on stderr, exit code 1. */
public final class BadInputException extends RuntimeException {
    public BadInputException(String message) {
        super(message);
    }
}
