package dev.portal.link;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A portal's id as it appears in its topics: 1 to 64 of {@code A-Z a-z 0-9 . _ -}, the same rule as the
 * protocol's Birth frame. Anything else (a slash, a wildcard, an emoji) is not a portal of ours.
 */
public record DeviceId(String value) {
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public DeviceId {
        Objects.requireNonNull(value, "device id");
        if (!VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("not a device id (1-64 of A-Z a-z 0-9 . _ -): " + value);
        }
    }

    public static DeviceId of(String value) {
        return new DeviceId(value);
    }

    /** The id, if {@code value} is one; for input from outside (topics, command lines). */
    public static Optional<DeviceId> parse(String value) {
        return value != null && VALID.matcher(value).matches() ? Optional.of(new DeviceId(value)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
