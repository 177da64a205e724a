package dev.portal.protocol.frame;

import dev.portal.protocol.toy.WriteCounter;
import java.util.Map;

/**
 * Change configuration keys. The device applies all entries or none, then reports {@code desiredVersion} as
 * its config version in the next Birth; a ConfigSet whose version is not newer than the one in force
 * ({@link #isNewer}) is answered REJECTED, so a replayed command cannot roll configuration back.
 *
 * @param desiredVersion u32 version the configuration has once these entries are applied
 * @param entries        key to value, in order; keys 1..64 UTF-8 bytes, values at most 1024, at most 64 entries
 */
public record ConfigSet(long desiredVersion, Map<String, String> entries) implements CommandBody {
    public static final int MAX_KEY = 64;

    public ConfigSet {
        Check.u32("desiredVersion", desiredVersion);
        entries = ConfigReport.checkedEntries(entries);
    }

    /**
     * Whether config version {@code a} is newer than {@code b}: u32 serial-number arithmetic (RFC 1982), the same
     * order as toy write counters. Versions wrap from 0xFFFFFFFF to 0, so no version (0xFFFFFFFF included) can
     * lock configuration; a version up to 2^31 - 1 ahead is newer, anything else is not.
     */
    public static boolean isNewer(long a, long b) {
        return WriteCounter.isNewer(a, b);
    }

    /** The version after {@code version}, wrapping from 0xFFFFFFFF to 0. */
    public static long next(long version) {
        return WriteCounter.next(version);
    }
}
