package dev.portal.hardware.sim.tag;

/** ISO14443-3A tag states (plus AUTHENTICATED for a MIFARE Classic sector or an NTAG password session). */
public enum TagState {
    IDLE,
    READY,
    ACTIVE,
    HALT,
    AUTHENTICATED
}
