package dev.portal.protocol.frame;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The runtime configuration in force on the device once a ConfigSet was handled (applied or refused).
 *
 * @param version u32 version in force
 * @param entries every key and value in force, in order; the limits of {@link ConfigSet}'s entries
 */
public record ConfigReport(long version, Map<String, String> entries) implements Report {
    public ConfigReport {
        Check.u32("version", version);
        entries = checkedEntries(entries);
    }

    /** Entries as ConfigSet and ConfigReport carry them: at most 64, keys 1..64 bytes, values at most 1024. */
    static Map<String, String> checkedEntries(Map<String, String> entries) {
        Check.present("entries", entries);
        if (entries.size() > Limits.MAX_CONFIG_ENTRIES) {
            throw new IllegalArgumentException("at most " + Limits.MAX_CONFIG_ENTRIES + " config entries, not " + entries.size());
        }
        LinkedHashMap<String, String> copy = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : entries.entrySet()) {
            Check.text("config key", e.getKey(), ConfigSet.MAX_KEY);
            if (e.getKey().isEmpty()) {
                throw new IllegalArgumentException("config key must not be empty");
            }
            Check.text("config value of " + e.getKey(), e.getValue(), Limits.MAX_CONFIG_VALUE);
            copy.put(e.getKey(), e.getValue());
        }
        return Collections.unmodifiableMap(copy);
    }
}
