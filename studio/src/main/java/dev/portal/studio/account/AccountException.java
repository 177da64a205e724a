package dev.portal.studio.account;

/** A request about an account that cannot be done; the message is shown to the player as it is. */
public final class AccountException extends Exception {
    public AccountException(String message) {
        super(message);
    }
}
