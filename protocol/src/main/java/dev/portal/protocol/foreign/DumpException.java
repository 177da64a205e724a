package dev.portal.protocol.foreign;

/** A dump file that cannot be what it is said to be: wrong size, or another tag's UID. */
public final class DumpException extends Exception {
    public DumpException(String message) {
        super(message);
    }
}
