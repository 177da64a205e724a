package dev.portal.link;

/** The broker could not be reached, refused us, timed out, or the link's window stayed full. */
public class LinkException extends Exception {
    private final boolean refused;

    public LinkException(String message, Throwable cause) {
        this(message, cause, false);
    }

    LinkException(String message, Throwable cause, boolean refused) {
        super(message, cause);
        this.refused = refused;
    }

    /** True when the broker answered and said no (bad credentials, not authorised), rather than not answering. */
    public boolean refused() {
        return refused;
    }
}
