package dev.portal.studio.design;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** A toy's three colours as {@code #RRGGBB} (upper-case hex), the part of a design a gallery shares. */
public record Look(String primary, String secondary, String accent) {
    private static final Pattern RGB = Pattern.compile("#[0-9A-F]{6}");

    public Look {
        primary = colour(primary).orElseThrow(() -> new IllegalArgumentException("primary colour must be #RRGGBB"));
        secondary = colour(secondary).orElseThrow(() -> new IllegalArgumentException("secondary colour must be #RRGGBB"));
        accent = colour(accent).orElseThrow(() -> new IllegalArgumentException("accent colour must be #RRGGBB"));
    }

    /** {@code text} as an upper-case {@code #RRGGBB}, or empty when it is not a colour. */
    public static Optional<String> colour(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String upper = text.toUpperCase(Locale.ROOT);
        return RGB.matcher(upper).matches() ? Optional.of(upper) : Optional.empty();
    }
}
