package dev.portal.bridge.state;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Who owns a toy, and the digest of the web code that claims it (WebCode.digest). A registered toy nobody has
 * claimed, or one its owner released, has no owner.
 */
public record ToyClaim(String uid, String digest, Optional<String> owner, OptionalLong claimedMillis) {
    public ToyClaim {
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(claimedMillis, "claimedMillis");
    }

    public boolean claimed() {
        return owner.isPresent();
    }

    public boolean ownedBy(String player) {
        return owner.filter(player::equals).isPresent();
    }
}
