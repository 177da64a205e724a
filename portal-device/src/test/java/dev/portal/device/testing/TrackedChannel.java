package dev.portal.device.testing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;

/**
 * A real file channel whose writes, truncations and forces go past a {@link PowerCutDisk} first, which notes what
 * is dirty and may refuse (a full disk, a failing fsync). Reads and everything else go straight to the file.
 */
final class TrackedChannel extends FileChannel {
    private final FileChannel real;
    private final PowerCutDisk disk;
    private final Path path;

    TrackedChannel(FileChannel real, PowerCutDisk disk, Path path) {
        this.real = real;
        this.disk = disk;
        this.path = path;
    }

    @Override
    public int write(ByteBuffer src, long position) throws IOException {
        int wanted = src.remaining();
        int allowed = disk.writable(wanted);
        ByteBuffer part = src.slice(src.position(), allowed);
        int n = 0;
        while (part.hasRemaining()) {
            n += real.write(part, position + n);
        }
        src.position(src.position() + n);
        disk.written(path, position, n);
        if (allowed < wanted) {
            throw new IOException("No space left on device");
        }
        return n;
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        return writeAtPosition(src);
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        long total = 0;
        for (int i = offset; i < offset + length; i++) {
            total += writeAtPosition(srcs[i]);
        }
        return total;
    }

    /** A relative write: the position moves by what reached the file, also when the disk ran full half-way. */
    private int writeAtPosition(ByteBuffer src) throws IOException {
        long at = real.position();
        int before = src.position();
        try {
            return write(src, at);
        } finally {
            real.position(at + src.position() - before);
        }
    }

    @Override
    public FileChannel truncate(long size) throws IOException {
        real.truncate(size);
        disk.truncated(path, size);
        return this;
    }

    @Override
    public void force(boolean metaData) throws IOException {
        disk.force(path);
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        return real.read(dst);
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        return real.read(dsts, offset, length);
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
        return real.read(dst, position);
    }

    @Override
    public long position() throws IOException {
        return real.position();
    }

    @Override
    public FileChannel position(long newPosition) throws IOException {
        real.position(newPosition);
        return this;
    }

    @Override
    public long size() throws IOException {
        return real.size();
    }

    @Override
    public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
        return real.transferTo(position, count, target);
    }

    @Override
    public long transferFrom(ReadableByteChannel src, long position, long count) {
        throw new UnsupportedOperationException("writes must be tracked");
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long position, long size) {
        throw new UnsupportedOperationException("writes must be tracked");
    }

    @Override
    public FileLock lock(long position, long size, boolean shared) throws IOException {
        return real.lock(position, size, shared);
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) throws IOException {
        return real.tryLock(position, size, shared);
    }

    @Override
    protected void implCloseChannel() throws IOException {
        real.close();
    }
}
