package dev.portal.bridge.store;

/** The database failed or holds something the bridge cannot read. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
