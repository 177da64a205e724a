package dev.portal.studio.design;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The upgrades a player may choose for a toy once it has reached their level ({@code studio/upgrades.json}).
 * Levels come from play (the bridge's XP), so choosing an upgrade spends what the toy earned; it never makes
 * value the game did not give.
 */
public final class UpgradeCatalogue {
    /** One upgrade: its id on the tag (0..63), its name, and the level a toy needs to choose it. */
    public record Upgrade(int id, String name, int level) {
    }

    private final List<Upgrade> upgrades;

    private UpgradeCatalogue(List<Upgrade> upgrades) {
        this.upgrades = List.copyOf(upgrades);
    }

    public static UpgradeCatalogue standard() {
        try (InputStream in = UpgradeCatalogue.class.getResourceAsStream("/studio/upgrades.json")) {
            if (in == null) {
                throw new IllegalStateException("studio/upgrades.json is missing from the jar");
            }
            List<Upgrade> list = new ArrayList<>();
            for (JsonNode node : new ObjectMapper().readTree(in)) {
                Upgrade upgrade = new Upgrade(node.path("id").asInt(), node.path("name").asText(), node.path("level").asInt());
                if (upgrade.id() < 0 || upgrade.id() > 63) {
                    throw new IllegalStateException("upgrade ids are 0..63: " + upgrade);
                }
                list.add(upgrade);
            }
            return new UpgradeCatalogue(list);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Upgrade> all() {
        return upgrades;
    }

    public Optional<Upgrade> find(int id) {
        return upgrades.stream().filter(u -> u.id() == id).findFirst();
    }
}
