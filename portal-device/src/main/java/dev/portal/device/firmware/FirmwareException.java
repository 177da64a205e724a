package dev.portal.device.firmware;

/** A firmware image or update step refused, with a reason a technician can act on. */
public final class FirmwareException extends Exception {
    /** Why an image or chunk was refused. The name is the first word of the refusal the device reports. */
    public enum Reason {
        BAD_MANIFEST, UNSIGNED, BAD_SIGNATURE, NO_KEY, SECURITY_VERSION, DOWNGRADE, TOO_LARGE, TRUNCATED, HASH_MISMATCH,
        NOT_A_JAR, UNKNOWN_JOB, BAD_CHUNK, BUSY, IO
    }

    private final Reason reason;

    public FirmwareException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public FirmwareException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** The one-line text sent back to the technician: reason code, then the details. */
    public String report() {
        return reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ": " + getMessage();
    }
}
