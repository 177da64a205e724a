package dev.portal.bridge.state;

/** The level curve: each level needs more XP than the last (level n starts at 100 * (n-1)^2 XP). */
public final class Leveling {
    public static final int MAX_LEVEL = 255;

    private Leveling() {
    }

    public static int levelFor(long xp) {
        if (xp < 0) {
            throw new IllegalArgumentException("negative XP: " + xp);
        }
        int level = 1 + (int) Math.floor(Math.sqrt(xp / 100.0));
        return Math.min(level, MAX_LEVEL);
    }
}
