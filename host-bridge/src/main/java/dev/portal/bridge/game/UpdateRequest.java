package dev.portal.bridge.game;

import dev.portal.protocol.toy.Colours;
import dev.portal.bridge.state.ToyProfile;
import dev.portal.link.Topic;

import java.util.Optional;
import java.util.TreeSet;

/**
 * A game server's request to change a toy, from game/toys/{uid}/update.
 *
 * @param replyTo where the answer goes: always a {@code game/replies/{name}} topic (checked by UpdateParser)
 * @param player  the player the change is made for: then only the toy's owner may change it; empty when the
 *                game server changes the toy on its own authority (awarding XP, say)
 */
public record UpdateRequest(String uid, String correlationId, Topic replyTo, Change change, Optional<String> player) {

    /** One change to a toy's profile. */
    public sealed interface Change {
        ToyProfile applyTo(ToyProfile profile);
    }

    public record AwardXp(long amount) implements Change {
        @Override
        public ToyProfile applyTo(ToyProfile p) {
            long xp = Math.addExact(p.xp(), amount);
            if (xp < 0) {
                throw new IllegalArgumentException("XP cannot go below 0 (has " + p.xp() + ", change " + amount + ")");
            }
            return p.withXp(xp);
        }
    }

    public record Rename(String name) implements Change {
        @Override
        public ToyProfile applyTo(ToyProfile p) {
            return p.withName(name);
        }
    }

    /** Any colour left empty keeps its current value. */
    public record Recolour(Optional<Integer> primary, Optional<Integer> secondary, Optional<Integer> accent)
            implements Change {
        @Override
        public ToyProfile applyTo(ToyProfile p) {
            Colours c = p.colours();
            return p.withColours(new Colours(primary.orElse(c.primary()), secondary.orElse(c.secondary()),
                    accent.orElse(c.accent())));
        }
    }

    public record UnlockUpgrade(int upgrade) implements Change {
        @Override
        public ToyProfile applyTo(ToyProfile p) {
            TreeSet<Integer> upgrades = new TreeSet<>(p.upgrades());
            upgrades.add(upgrade);
            return p.withUpgrades(upgrades);
        }
    }
}
