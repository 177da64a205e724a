package dev.portal.protocol.foreign;

import java.util.Objects;

/**
 * An identified foreign toy, as its own line numbers it.
 *
 * @param characterId the line's character (or vehicle) id, u16: amiibo game and character id, Skylanders character
 *                    id, LEGO Dimensions character or vehicle id
 * @param variant     u16: amiibo variant byte, Skylanders variant word, 0 for LEGO Dimensions
 * @param series      u8: amiibo series, 0 for the other lines
 */
public record ForeignToy(ToyLine line, ToyForm form, int characterId, int variant, int series)
        implements ForeignReading {
    public ForeignToy {
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(form, "form");
        if (characterId < 0 || characterId > 0xFFFF) {
            throw new IllegalArgumentException("character id " + characterId + " is not a u16");
        }
        if (variant < 0 || variant > 0xFFFF) {
            throw new IllegalArgumentException("variant " + variant + " is not a u16");
        }
        if (series < 0 || series > 0xFF) {
            throw new IllegalArgumentException("series " + series + " is not a u8");
        }
    }
}
