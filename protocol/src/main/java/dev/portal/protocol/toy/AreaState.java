package dev.portal.protocol.toy;

/**
 * What one save area holds, judged on its own. {@link SaveAreas} combines the two areas' states into a verdict.
 */
public sealed interface AreaState {

    /** A human-readable account for logs and the verdict's reason. */
    String describe();

    /** An authentic record for this tag, written with {@code counter}. */
    record Valid(ToyRecord record, long counter) implements AreaState {
        @Override
        public String describe() {
            return "valid, counter " + counter;
        }
    }

    /** Never written by a portal: erased (0x00 or 0xFF) or a factory-fresh empty NDEF message. */
    record Blank() implements AreaState {
        @Override
        public String describe() {
            return "blank";
        }
    }

    /** Bytes that are not ours at all: another application's data. */
    record Foreign(String why) implements AreaState {
        @Override
        public String describe() {
            return "foreign data (" + why + ")";
        }
    }

    /**
     * Ours, but in a newer area format or record version than this code knows. Every area format keeps the
     * counter in bytes 2..5, so {@code counter} is what the newer writer put there (authenticated only when the
     * area format is known and just the record version is newer).
     */
    record Newer(String why, long counter) implements AreaState {
        @Override
        public String describe() {
            return "newer format (" + why + "), counter " + counter;
        }
    }

    /** Looks like ours (magic and known format) but does not verify: torn, edited, forged or copied. */
    record Corrupt(String why) implements AreaState {
        @Override
        public String describe() {
            return "does not verify (" + why + ")";
        }
    }

    /** The reader could not deliver the area (missing, or not the layout's size). */
    record Unreadable(String why) implements AreaState {
        @Override
        public String describe() {
            return "unreadable (" + why + ")";
        }
    }
}
