package dev.portal.device.outbox;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;

/**
 * Layout of one journal record: {@code u32 length | u64 index | u32 crc32c | payload}, little endian. The CRC
 * covers length, index and payload, so a torn write (a prefix of the record on disk, or zeros after it) fails
 * the check and is told apart from a good record.
 */
final class RecordFormat {
    static final int HEADER = 16;

    private RecordFormat() {
    }

    static ByteBuffer encode(long index, byte[] payload) {
        ByteBuffer buf = ByteBuffer.allocate(HEADER + payload.length).order(ByteOrder.LITTLE_ENDIAN);
        buf.putInt(payload.length).putLong(index).putInt(crc(payload.length, index, payload)).put(payload);
        return buf.flip();
    }

    static int crc(int length, long index, byte[] payload) {
        CRC32C crc = new CRC32C();
        ByteBuffer head = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putInt(length).putLong(index).flip();
        crc.update(head);
        crc.update(payload);
        return (int) crc.getValue();
    }
}
