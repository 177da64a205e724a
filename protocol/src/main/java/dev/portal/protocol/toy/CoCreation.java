package dev.portal.protocol.toy;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * What the player made of the toy: its name, colours, unlocked upgrades, experience and level.
 *
 * @param name     UTF-8, at most {@link #MAX_NAME_BYTES} bytes once encoded, no control characters; may be empty
 * @param colours  the chosen colours
 * @param upgrades the unlocked upgrades (ids 0..63)
 * @param xp       experience points, unsigned 32 bit (0..4294967295)
 * @param level    level, unsigned 8 bit (0..255)
 */
public record CoCreation(String name, Colours colours, Upgrades upgrades, long xp, int level) {

    /** Longest name in UTF-8 bytes; chosen so two record copies fit an NTAG213 (see TOY-RECORD.md). */
    public static final int MAX_NAME_BYTES = 20;
    public static final long MAX_XP = 0xFFFF_FFFFL;
    public static final int MAX_LEVEL = 0xFF;

    public CoCreation {
        Objects.requireNonNull(colours, "colours");
        Objects.requireNonNull(upgrades, "upgrades");
        String problem = nameProblem(name);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        if (xp < 0 || xp > MAX_XP) {
            throw new IllegalArgumentException("xp must be 0.." + MAX_XP + " (unsigned 32 bit), got " + xp);
        }
        if (level < 0 || level > MAX_LEVEL) {
            throw new IllegalArgumentException("level must be 0.." + MAX_LEVEL + ", got " + level);
        }
    }

    /**
     * Why {@code name} is not acceptable as a toy name, or null when it is. Shared with the decoder so that a
     * name read from a tag obeys exactly the rules a name written by the game does.
     */
    static String nameProblem(String name) {
        if (name == null) {
            return "name must not be null (use \"\" for an unnamed toy)";
        }
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            if (Character.isISOControl(cp)) {
                return "name must not contain control characters (U+" + String.format("%04X", cp) + " at index " + i + ")";
            }
            if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
                return "name has an unpaired surrogate at index " + i;
            }
            i += Character.charCount(cp);
        }
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_NAME_BYTES) {
            return "name must be at most " + MAX_NAME_BYTES + " bytes in UTF-8, \"" + name + "\" is " + bytes;
        }
        return null;
    }
}
