package dev.portal.studio.account;

import com.password4j.Argon2Function;
import com.password4j.Hash;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Argon2id through Password4j (a maintained, pure-Java library that writes the standard PHC string
 * {@code $argon2id$v=19$m=...}), with the parameters OWASP gives as the minimum for Argon2id: 19 MiB, two
 * passes, one lane. The salt is random per hash and travels in the string.
 */
public final class PasswordHasher {
    private static final Argon2Function ARGON2ID = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID);

    /** A hash of a password nobody has, checked when a name is unknown so that a login takes as long either way. */
    private final String decoy;

    public PasswordHasher() {
        this.decoy = hash("no account has this password " + System.nanoTime());
    }

    public String hash(String password) {
        Hash hash = Password.hash(password).addRandomSalt(16).with(ARGON2ID);
        return hash.getResult();
    }

    public boolean matches(String password, String stored) {
        try {
            return Password.check(password, stored).with(Argon2Function.getInstanceFromHash(stored));
        } catch (RuntimeException e) {
            return false; // a damaged stored hash matches nothing
        }
    }

    /** Spends the time of one check without an account to check against. */
    public void spendCheckTime(String password) {
        matches(password, decoy);
    }
}
