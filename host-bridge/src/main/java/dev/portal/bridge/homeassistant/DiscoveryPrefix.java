package dev.portal.bridge.homeassistant;

import java.util.regex.Pattern;

/**
 * The topic under which Home Assistant looks for MQTT discovery configs ({@code homeassistant} unless its MQTT
 * integration was told otherwise): one or more topic levels of letters, digits, {@code _} and {@code -}, so it
 * can hold no wildcard and no empty level.
 */
public record DiscoveryPrefix(String value) {
    private static final Pattern LEVELS = Pattern.compile("[A-Za-z0-9_-]{1,64}(/[A-Za-z0-9_-]{1,64}){0,3}");
    /** Home Assistant's own default; declared after the pattern it is checked against. */
    public static final DiscoveryPrefix DEFAULT = new DiscoveryPrefix("homeassistant");

    public DiscoveryPrefix {
        if (value == null || !LEVELS.matcher(value).matches()) {
            throw new IllegalArgumentException("a Home Assistant discovery prefix is 1 to 4 topic levels of "
                    + "letters, digits, _ and -, like homeassistant; not " + value);
        }
    }

    public static DiscoveryPrefix of(String value) {
        return new DiscoveryPrefix(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
