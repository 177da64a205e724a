package dev.portal.protocol.toy;

/** One of the two save areas on a toy's tag. */
public enum Area {
    A, B;

    /** The area that is not this one: where the next write goes when this one holds the current record. */
    public Area other() {
        return this == A ? B : A;
    }
}
