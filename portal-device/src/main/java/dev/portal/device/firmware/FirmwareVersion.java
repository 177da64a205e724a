package dev.portal.device.firmware;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A firmware version such as {@code 1.4.2} or {@code 1.5.0-rc1}. Numeric parts compare as numbers; a version
 * with a suffix sorts before the same version without one (a release candidate is older than the release).
 */
public record FirmwareVersion(List<Integer> parts, String suffix) implements Comparable<FirmwareVersion> {
    private static final Pattern SYNTAX = Pattern.compile("\\d{1,9}(\\.\\d{1,9}){0,3}(-[A-Za-z0-9.]{1,32})?");

    public FirmwareVersion {
        parts = List.copyOf(parts);
        suffix = suffix == null ? "" : suffix;
    }

    public static FirmwareVersion parse(String text) {
        if (text == null || !SYNTAX.matcher(text).matches()) {
            throw new IllegalArgumentException("not a firmware version (want e.g. 1.4.2 or 1.5.0-rc1): " + text);
        }
        int dash = text.indexOf('-');
        String numbers = dash < 0 ? text : text.substring(0, dash);
        List<Integer> parts = new ArrayList<>();
        for (String p : numbers.split("\\.")) {
            parts.add(Integer.parseInt(p));
        }
        return new FirmwareVersion(parts, dash < 0 ? "" : text.substring(dash + 1));
    }

    public static boolean isValid(String text) {
        return text != null && SYNTAX.matcher(text).matches();
    }

    public boolean isNewerThan(FirmwareVersion other) {
        return compareTo(other) > 0;
    }

    @Override
    public int compareTo(FirmwareVersion o) {
        int n = Math.max(parts.size(), o.parts.size());
        for (int i = 0; i < n; i++) {
            int a = i < parts.size() ? parts.get(i) : 0;
            int b = i < o.parts.size() ? o.parts.get(i) : 0;
            if (a != b) {
                return Integer.compare(a, b);
            }
        }
        if (suffix.isEmpty() != o.suffix.isEmpty()) {
            return suffix.isEmpty() ? 1 : -1;
        }
        return suffix.compareTo(o.suffix);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            b.append(i == 0 ? "" : ".").append(parts.get(i));
        }
        return suffix.isEmpty() ? b.toString() : b + "-" + suffix;
    }
}
