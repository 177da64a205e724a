package dev.portal.device.disk;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;

/**
 * The file operations whose durability the portal relies on (the outbox's segments and ack pointer, the state
 * files). One seam, so a test can stand in a disk that fails an fsync, runs full, or loses at a power cut what
 * was never forced; {@link #REAL} is the file system.
 */
public interface Disk {
    Disk REAL = new RealDisk();

    FileChannel open(Path file, Set<? extends OpenOption> options) throws IOException;

    /** Renames {@code from} to {@code to} atomically, replacing {@code to}. Durable only after {@link #syncDirectory}. */
    void move(Path from, Path to) throws IOException;

    /** Forces a directory's entries (files created, renamed or deleted in it) to the medium. */
    void syncDirectory(Path dir) throws IOException;

    /**
     * Replaces {@code target} with {@code content} so that a crash or power cut at any moment leaves the old or
     * the new file whole: a temporary file, forced, renamed over the target, and the directory forced (without
     * that last step the rename itself may be lost, and the old file come back after a power cut).
     */
    default void replace(Path target, byte[] content) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try (FileChannel ch = open(tmp, Set.of(StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE))) {
            ByteBuffer buf = ByteBuffer.wrap(content);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
        move(tmp, target);
        syncDirectory(target.toAbsolutePath().getParent());
    }
}
