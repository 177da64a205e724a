package dev.portal.bridge.store;

/**
 * The database could not do the work now, whatever the work was: it is down, unreachable, restarting, out of
 * disk, or locked by another program. The same work can succeed later, so nothing it was about may be given
 * up on (acknowledged, dead-lettered, skipped) because of it.
 */
public final class StoreUnavailableException extends StoreException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
