package dev.portal.device.config;

import dev.portal.protocol.frame.AntennaGain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The part of the configuration the host may change at run time (ConfigSet), with its version. Reported in
 * every Birth; the host's "desired" document becomes "reported" once a ConfigSet applied it.
 */
public record RuntimeSettings(long version, int pollHz, int heartbeatSeconds, int removalMissThreshold,
                              int antennaGainDb) {
    public static final RuntimeSettings DEFAULTS = new RuntimeSettings(0, 20, 30, 3, 33);
    public static final List<String> KEYS = List.of("pollHz", "heartbeatSeconds", "removalMissThreshold",
            "antennaGainDb");

    /** Problems with these values, one line each; empty when they are fine. */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        if (pollHz < 1 || pollHz > 100) {
            out.add("pollHz must be 1..100, not " + pollHz);
        }
        if (heartbeatSeconds < 1 || heartbeatSeconds > 3600) {
            out.add("heartbeatSeconds must be 1..3600, not " + heartbeatSeconds);
        }
        if (removalMissThreshold < 1 || removalMissThreshold > 255) {
            out.add("removalMissThreshold must be 1..255, not " + removalMissThreshold);
        }
        if (!AntennaGain.isValid(antennaGainDb)) {
            out.add("antennaGainDb must be " + AntennaGain.RANGE + ", not " + antennaGainDb);
        }
        return out;
    }

    /**
     * These settings with {@code entries} applied, all or nothing. Unknown keys and values that are not whole
     * numbers or out of range are collected into the exception, one line each.
     */
    public RuntimeSettings apply(long newVersion, Map<String, String> entries) throws ConfigException {
        List<String> problems = new ArrayList<>();
        Map<String, Integer> values = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : entries.entrySet()) {
            if (!KEYS.contains(e.getKey())) {
                problems.add("unknown key '" + e.getKey() + "' (known: " + String.join(", ", KEYS) + ")");
                continue;
            }
            try {
                values.put(e.getKey(), Integer.parseInt(e.getValue().trim()));
            } catch (NumberFormatException nfe) {
                problems.add(e.getKey() + " must be a whole number, not '" + e.getValue() + "'");
            }
        }
        RuntimeSettings next = new RuntimeSettings(newVersion,
                values.getOrDefault("pollHz", pollHz),
                values.getOrDefault("heartbeatSeconds", heartbeatSeconds),
                values.getOrDefault("removalMissThreshold", removalMissThreshold),
                values.getOrDefault("antennaGainDb", antennaGainDb));
        problems.addAll(next.problems());
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return next;
    }

    /** The time between two polls of a pad. */
    public Duration pollInterval() {
        return Duration.ofNanos(1_000_000_000L / pollHz);
    }

    public Map<String, String> asEntries() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("pollHz", String.valueOf(pollHz));
        m.put("heartbeatSeconds", String.valueOf(heartbeatSeconds));
        m.put("removalMissThreshold", String.valueOf(removalMissThreshold));
        m.put("antennaGainDb", String.valueOf(antennaGainDb));
        return m;
    }
}
