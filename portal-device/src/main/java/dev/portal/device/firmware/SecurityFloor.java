package dev.portal.device.firmware;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The highest security version this portal has committed, in {@code firmware/security-version}. It only goes
 * up, and only when an update is committed (a version rolled back never raised it); an image below it is
 * refused whatever else its manifest allows, so a signed but vulnerable old image cannot be brought back.
 * Absent: 0, which every image meets.
 */
public final class SecurityFloor {
    static final String FILE = "security-version";
    /** Security versions are u32. */
    public static final long MAX = 0xFFFF_FFFFL;
    private final SlotStore slots;

    public SecurityFloor(SlotStore slots) {
        this.slots = slots;
    }

    /**
     * The floor. A damaged file is an error, not 0: reading it as 0 would let any old image back in, so updates
     * are refused until someone looks at the file.
     */
    public long current() throws IOException {
        Path p = file();
        if (!Files.exists(p)) {
            return 0;
        }
        String text = Files.readString(p, StandardCharsets.US_ASCII).strip();
        try {
            long v = Long.parseLong(text);
            if (v < 0 || v > MAX) {
                throw new NumberFormatException("out of range");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IOException("damaged security-version file " + p + " ('" + text + "'); updates are refused"
                    + " until it holds the portal's security version");
        }
    }

    /** Raises the floor to {@code committed}; a lower or equal value leaves it as it is. */
    void raiseTo(long committed) throws IOException {
        if (committed > current()) {
            slots.writeAtomically(file(), Long.toString(committed));
        }
    }

    private Path file() {
        return slots.root().resolve(FILE);
    }
}
