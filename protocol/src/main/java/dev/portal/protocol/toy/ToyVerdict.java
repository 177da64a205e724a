package dev.portal.protocol.toy;

/**
 * What a portal concluded about the data on a toy's tag. See SPEC.md section 11 (Toy record), "Verdicts", for the exact rules.
 */
public enum ToyVerdict {
    /** At least one save area holds an authentic record for this tag; the record is available. */
    RECOGNISED,
    /** Neither save area has ever been written by a portal (factory-fresh or erased tag). */
    BLANK,
    /** The tag carries data we cannot judge: another application's data, or a newer record format. */
    UNKNOWN,
    /** Data in our format is present but no area verifies: edited, forged, or copied from another tag. */
    TAMPERED,
    /**
     * Since protocol 1.2: a toy of another toys-to-life line (amiibo, Skylanders, LEGO Dimensions), identified by
     * the portal from its published format and never written. No save area judgement gives it.
     */
    FOREIGN
}
