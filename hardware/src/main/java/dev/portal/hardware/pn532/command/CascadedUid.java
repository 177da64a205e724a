package dev.portal.hardware.pn532.command;

import dev.portal.protocol.id.Uid;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Optional;

/**
 * A UID as InListPassiveTarget takes it in its initiator data: per cascade level, with the cascade tag 0x88
 * before every level but the last (4 bytes for a single, 8 for a double, 12 for a triple size UID).
 */
public final class CascadedUid {
    public static final int CASCADE_TAG = 0x88;

    private CascadedUid() {
    }

    public static byte[] encode(Uid uid) {
        byte[] u = uid.bytes();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int levels = u.length == 4 ? 1 : u.length == 7 ? 2 : 3;
        for (int level = 0; level < levels - 1; level++) {
            out.write(CASCADE_TAG);
            out.write(u, level * 3, 3);
        }
        out.write(u, (levels - 1) * 3, 4);
        return out.toByteArray();
    }

    /** The UID from initiator data in cascaded form; empty when the bytes are not one. */
    public static Optional<Uid> decode(byte[] data) {
        if (data.length != 4 && data.length != 8 && data.length != 12) {
            return Optional.empty();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int levels = data.length / 4;
        for (int level = 0; level < levels; level++) {
            byte[] part = Arrays.copyOfRange(data, level * 4, level * 4 + 4);
            boolean last = level == levels - 1;
            if (!last && (part[0] & 0xFF) != CASCADE_TAG) {
                return Optional.empty();
            }
            out.write(part, last ? 0 : 1, last ? 4 : 3);
        }
        return Optional.of(Uid.of(out.toByteArray()));
    }
}
