package dev.portal.protocol.frame;

import java.util.Arrays;
import java.util.Objects;

/**
 * A command kind this version does not know, kept with its raw payload. Decoders produce it so the receiver
 * can still answer the correlation id with UNKNOWN_COMMAND.
 *
 * @param kind    u8 kind code that is not a {@link CommandKind}
 * @param payload the rest of the body, up to the frame's limit
 */
public record UnknownCommand(int kind, byte[] payload) implements CommandBody {
    public UnknownCommand {
        Check.u8("kind", kind);
        if (CommandKind.fromCode(kind) != null) {
            throw new IllegalArgumentException("kind " + kind + " is known: " + CommandKind.fromCode(kind));
        }
        payload = Check.bytes("payload", payload, 0, Limits.MAX_FRAME);
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnknownCommand c && kind == c.kind && Arrays.equals(payload, c.payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, Arrays.hashCode(payload));
    }

    @Override
    public String toString() {
        return "UnknownCommand[kind=" + kind + ", payload=" + Hex.format(payload) + "]";
    }
}
