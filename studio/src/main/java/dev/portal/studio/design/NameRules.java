package dev.portal.studio.design;

import dev.portal.protocol.toy.CoCreation;
import dev.portal.protocol.toy.Colours;
import dev.portal.protocol.toy.Upgrades;

import java.util.Optional;

/**
 * Whether a name may go on a toy: the tag's own rules (protocol/SPEC.md: at most 20 bytes of UTF-8, no
 * control characters; checked by the protocol's toy record itself, so the studio never accepts a name the tag
 * would refuse) and the blocked-word filter. The answer is a sentence for the player.
 */
public final class NameRules {
    private final BlockedWords blocked;

    public NameRules(BlockedWords blocked) {
        this.blocked = blocked;
    }

    /** Why {@code name} cannot be used, or empty when it can. */
    public Optional<String> problem(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of("Give your toy a name.");
        }
        if (!name.strip().equals(name)) {
            return Optional.of("A name cannot start or end with a space.");
        }
        try {
            new CoCreation(name, new Colours(0, 0, 0), Upgrades.NONE, 0, 0);
        } catch (IllegalArgumentException e) {
            return Optional.of("That name does not fit on the toy: at most " + CoCreation.MAX_NAME_BYTES
                    + " bytes (accents and emoji take 2 to 4 each) and no control characters.");
        }
        if (blocked.find(name).isPresent()) {
            return Optional.of("That name contains a word we don't allow on toys. Please choose another name.");
        }
        return Optional.empty();
    }
}
