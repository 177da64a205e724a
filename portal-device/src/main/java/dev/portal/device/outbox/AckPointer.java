package dev.portal.device.outbox;

import dev.portal.device.disk.Disk;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.zip.CRC32C;

/**
 * The highest journal index the broker has acknowledged, kept on disk in two alternating 32-byte slots
 * ({@code u64 generation | u64 index | u32 crc32c}). A write tears at most the slot being written; the other
 * still holds the previous value, and opening picks the valid slot with the higher generation. Losing the
 * newest value only means frames are delivered again, which the host drops by (boot, seq).
 */
final class AckPointer implements AutoCloseable {
    private static final int SLOT = 32;
    private final FileChannel channel;
    private long generation;
    private volatile long value;

    private AckPointer(FileChannel channel, long generation, long value) {
        this.channel = channel;
        this.generation = generation;
        this.value = value;
    }

    static AckPointer open(Path file, Disk disk) throws IOException {
        FileChannel ch = disk.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE));
        long bestGen = -1;
        long bestValue = -1;
        for (int slot = 0; slot < 2; slot++) {
            ByteBuffer buf = ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN);
            int n = ch.read(buf, (long) slot * SLOT);
            if (n < 20) {
                continue;
            }
            buf.flip();
            long gen = buf.getLong();
            long idx = buf.getLong();
            int crc = buf.getInt();
            if (crc == crc(gen, idx) && gen > bestGen) {
                bestGen = gen;
                bestValue = idx;
            }
        }
        return new AckPointer(ch, Math.max(bestGen, 0), bestValue);
    }

    /** The stored index, or -1 when nothing was ever acknowledged (or both slots are damaged). */
    long value() {
        return value;
    }

    void store(long index) throws IOException {
        if (index == value) {
            return;
        }
        long gen = generation + 1;
        ByteBuffer buf = ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN);
        buf.putLong(gen).putLong(index).putInt(crc(gen, index)).flip();
        long pos = (gen % 2) * SLOT;
        while (buf.hasRemaining()) {
            pos += channel.write(buf, pos);
        }
        channel.force(false);
        generation = gen;
        value = index;
    }

    private static int crc(long gen, long index) {
        CRC32C c = new CRC32C();
        c.update(ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(gen).putLong(index).flip());
        return (int) c.getValue();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
