package dev.portal.protocol.frame;

import java.util.Map;

/**
 * Change configuration keys. The device applies all entries or none, then reports {@code desiredVersion} as
 * its config version in the next Birth; a ConfigSet whose version is not newer than the one in force is
 * answered REJECTED, so a replayed command cannot roll configuration back.
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
}
