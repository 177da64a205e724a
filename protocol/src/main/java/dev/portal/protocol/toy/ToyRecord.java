package dev.portal.protocol.toy;

import java.util.Objects;

/**
 * The toy's own data as stored on its tag: which toy it is and what the player made of it.
 *
 * @param toyType       the toy model, unsigned 16 bit (0..65535), assigned by the product team
 * @param variant       the model's variant (paint, edition), unsigned 8 bit
 * @param recordVersion layout version of the record body; this code writes and reads {@link #CURRENT_VERSION}
 * @param coCreation    name, colours, upgrades, xp and level
 */
public record ToyRecord(int toyType, int variant, int recordVersion, CoCreation coCreation) {

    /** The record body version this code writes and the newest it can read. */
    public static final int CURRENT_VERSION = 1;
    public static final int MAX_TOY_TYPE = 0xFFFF;
    public static final int MAX_VARIANT = 0xFF;

    public ToyRecord {
        if (toyType < 0 || toyType > MAX_TOY_TYPE) {
            throw new IllegalArgumentException("toyType must be 0.." + MAX_TOY_TYPE + ", got " + toyType);
        }
        if (variant < 0 || variant > MAX_VARIANT) {
            throw new IllegalArgumentException("variant must be 0.." + MAX_VARIANT + ", got " + variant);
        }
        if (recordVersion < 1 || recordVersion > 0xFF) {
            throw new IllegalArgumentException("recordVersion must be 1..255, got " + recordVersion);
        }
        Objects.requireNonNull(coCreation, "coCreation");
    }

    /** A record in the current version. */
    public ToyRecord(int toyType, int variant, CoCreation coCreation) {
        this(toyType, variant, CURRENT_VERSION, coCreation);
    }
}
