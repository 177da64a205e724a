package dev.portal.protocol.frame;

/**
 * A technician's token, presented on the serial cable before commands that change a toy, the configuration or
 * the firmware. The protocol carries it as text; what it says and who signs it is the device's business
 * (portal-device README, "Serial console"). Over MQTT a device refuses it: the broker decides there. A device
 * that does not know the kind answers unknown_command (and does not lock its cable either).
 *
 * @param token 1..{@link #MAX_BYTES} UTF-8 bytes
 */
public record PresentToken(String token) implements CommandBody {
    public static final int MAX_BYTES = 1024;

    public PresentToken {
        Check.text("token", token, MAX_BYTES);
        if (token.isEmpty()) {
            throw new IllegalArgumentException("a token has at least one byte");
        }
    }
}
