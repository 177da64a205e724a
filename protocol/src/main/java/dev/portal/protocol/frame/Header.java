package dev.portal.protocol.frame;

/**
 * The fields every frame carries besides its message.
 *
 * @param version         wire version byte: major in the high nibble, minor in the low nibble (1.0 = 0x10)
 * @param bootId          u32 chosen at random by the device at each boot; Birth binds it to the device id
 * @param sequence        u32 counting the frames of one boot, from 0; wraps after 2^32-1
 * @param timestampMillis u48; Unix epoch ms when {@code clockSynced}, else ms since boot (no RTC on a Pi)
 * @param clockSynced     whether the device's wall clock was synchronised when it stamped the frame
 * @param flags           the other flag bits ({@link Flags}); bit 0 is {@code clockSynced} and is not repeated here
 */
public record Header(int version, long bootId, long sequence, long timestampMillis, boolean clockSynced, int flags) {
    public static final int VERSION_1_0 = 0x10;
    public static final int MAJOR = 1;

    public Header {
        Check.u8("version", version);
        if (version >>> 4 != MAJOR) {
            throw new IllegalArgumentException("this encoder writes major version " + MAJOR + ", not " + (version >>> 4));
        }
        Check.u32("bootId", bootId);
        Check.u32("sequence", sequence);
        Check.u48("timestampMillis", timestampMillis);
        Check.u8("flags", flags);
        if ((flags & Flags.CLOCK_SYNCED) != 0) {
            throw new IllegalArgumentException("flag bit 0 is clockSynced; pass it as the boolean");
        }
        if ((flags & Flags.REQUIRED_MASK & ~Flags.KNOWN_REQUIRED) != 0) {
            throw new IllegalArgumentException("unknown must-understand flag bits " + Integer.toHexString(flags));
        }
    }

    /** A version 1.0 header with no extra flags. */
    public static Header of(long bootId, long sequence, long timestampMillis, boolean clockSynced) {
        return new Header(VERSION_1_0, bootId, sequence, timestampMillis, clockSynced, 0);
    }

    public int major() {
        return version >>> 4;
    }

    public int minor() {
        return version & 0x0F;
    }

    public boolean replayed() {
        return (flags & Flags.REPLAYED) != 0;
    }

    public Header withReplayed(boolean replayed) {
        int f = replayed ? flags | Flags.REPLAYED : flags & ~Flags.REPLAYED;
        return new Header(version, bootId, sequence, timestampMillis, clockSynced, f);
    }

    /** The flags byte as sent. */
    public int wireFlags() {
        return flags | (clockSynced ? Flags.CLOCK_SYNCED : 0);
    }
}
