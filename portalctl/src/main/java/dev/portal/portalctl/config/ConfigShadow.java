package dev.portal.portalctl.config;

import dev.portal.protocol.frame.ConfigSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A portal's configuration as the host wants it ({@code desired}: entries, each with the version that last
 * changed it) and as the portal last confirmed it ({@code reported}: the version from its Birth and the values
 * from its last ConfigSet result). The delta is every desired key changed after the reported version.
 */
public record ConfigShadow(long desiredVersion, Map<String, String> desired, Map<String, Long> changedIn,
                           long reportedVersion, Map<String, String> reported) {
    public ConfigShadow {
        desired = Map.copyOf(desired);
        changedIn = Map.copyOf(changedIn);
        reported = Map.copyOf(reported);
    }

    public static ConfigShadow empty() {
        return new ConfigShadow(0, Map.of(), Map.of(), 0, Map.of());
    }

    /** The desired document with {@code changes} applied at {@code version}. */
    public ConfigShadow withDesired(long version, Map<String, String> changes) {
        Map<String, String> d = new TreeMap<>(desired);
        Map<String, Long> v = new TreeMap<>(changedIn);
        changes.forEach((k, val) -> {
            d.put(k, val);
            v.put(k, version);
        });
        return new ConfigShadow(version, d, v, reportedVersion, reported);
    }

    public ConfigShadow withReported(long version, Map<String, String> values) {
        Map<String, String> r = new TreeMap<>(reported);
        r.putAll(values);
        return new ConfigShadow(desiredVersion, desired, changedIn, version, r);
    }

    public ConfigShadow withReportedVersion(long version) {
        return new ConfigShadow(desiredVersion, desired, changedIn, version, reported);
    }

    /** Desired keys the portal has not confirmed yet. */
    public List<String> pending() {
        return desired.keySet().stream().filter(k -> ConfigSet.isNewer(changedIn.getOrDefault(k, 0L), reportedVersion)).sorted().toList();
    }

    public boolean inSync() {
        return pending().isEmpty() && !ConfigSet.isNewer(desiredVersion, reportedVersion);
    }

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("desired", Map.of("version", desiredVersion, "entries", new TreeMap<>(desired), "changedIn", new TreeMap<>(changedIn)));
        m.put("reported", Map.of("version", reportedVersion, "entries", new TreeMap<>(reported)));
        m.put("pending", pending());
        m.put("inSync", inSync());
        return m;
    }

    @SuppressWarnings("unchecked")
    public static ConfigShadow fromJson(Map<String, Object> m) {
        Map<String, Object> d = (Map<String, Object>) m.getOrDefault("desired", Map.of());
        Map<String, Object> r = (Map<String, Object>) m.getOrDefault("reported", Map.of());
        Map<String, Long> changed = new TreeMap<>();
        ((Map<String, Object>) d.getOrDefault("changedIn", Map.of())).forEach((k, v) -> changed.put(k, ((Number) v).longValue()));
        Map<String, String> desired = new TreeMap<>();
        ((Map<String, Object>) d.getOrDefault("entries", Map.of())).forEach((k, v) -> desired.put(k, String.valueOf(v)));
        Map<String, String> reported = new TreeMap<>();
        ((Map<String, Object>) r.getOrDefault("entries", Map.of())).forEach((k, v) -> reported.put(k, String.valueOf(v)));
        return new ConfigShadow(((Number) d.getOrDefault("version", 0)).longValue(), desired, changed,
                ((Number) r.getOrDefault("version", 0)).longValue(), reported);
    }

    public List<String> toText() {
        List<String> out = new java.util.ArrayList<>();
        out.add("desired v" + desiredVersion + ", reported v" + reportedVersion + (inSync() ? "  (in sync)" : "  (pending)"));
        out.add(String.format("  %-24s %-16s %-16s %s", "KEY", "DESIRED", "REPORTED", "STATE"));
        java.util.Set<String> keys = new java.util.TreeSet<>(desired.keySet());
        keys.addAll(reported.keySet());
        List<String> pending = pending();
        for (String k : keys) {
            out.add(String.format("  %-24s %-16s %-16s %s", k, desired.getOrDefault(k, "-"), reported.getOrDefault(k, "-"),
                    pending.contains(k) ? "pending (v" + changedIn.get(k) + ")" : "in sync"));
        }
        return out;
    }
}
