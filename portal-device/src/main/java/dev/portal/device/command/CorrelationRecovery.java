package dev.portal.device.command;

import dev.portal.protocol.frame.Header;
import dev.portal.protocol.frame.Limits;
import dev.portal.protocol.frame.MessageType;

import java.util.OptionalLong;

/**
 * Finds the correlation id in bytes that did not decode (bad check, bad field, oversized), so the host still
 * gets a REJECTED for its command instead of silence. Only trusted when the bytes start like a version-1
 * Command frame: the id is the first body field, right after the 17-byte header.
 */
final class CorrelationRecovery {
    private CorrelationRecovery() {
    }

    static OptionalLong recover(byte[] bytes) {
        if (bytes == null || bytes.length < Limits.HEADER + 4 || (bytes[0] & 0xFF) >>> 4 != Header.MAJOR
                || (bytes[1] & 0xFF) != MessageType.COMMAND.code()) {
            return OptionalLong.empty();
        }
        long id = 0;
        for (int i = 0; i < 4; i++) {
            id = (id << 8) | (bytes[Limits.HEADER + i] & 0xFF);
        }
        return OptionalLong.of(id);
    }
}
