package dev.portal.device.testing;

import dev.portal.device.disk.Disk;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@link Disk} that remembers what a power cut would leave, the way Linux behaves: file data is on the medium
 * once a force of it succeeded; a created or renamed name once its directory was forced. A failed force
 * ({@link #failNextForce}) drops the dirty data it was meant to write and a later force does not write it again
 * (the pages count as clean). {@link #fillUp} makes writes run out of space half-way. {@link #powerCut} then
 * turns the real files into what the medium holds. Files are the real ones in between, so code under test reads
 * what it wrote, as from a page cache.
 */
public final class PowerCutDisk implements Disk {
    /** One file's life on the medium; moves with its name on a rename, as an inode would. */
    private static final class Inode {
        byte[] medium = new byte[0];
        final List<long[]> dirty = new ArrayList<>();
        long truncatedTo = Long.MAX_VALUE;
    }

    private record NameChange(Path dir, Runnable undo) {
    }

    private final Map<Path, Inode> files = new HashMap<>();
    private final List<NameChange> unsynced = new ArrayList<>();
    private boolean failNextForce;
    private boolean full;
    private int forceFailures;

    public synchronized void failNextForce() {
        failNextForce = true;
    }

    /** Every write from now on stores half its bytes, then fails with "No space left on device". */
    public synchronized void fillUp() {
        full = true;
    }

    public synchronized void freeSpace() {
        full = false;
    }

    public synchronized int forceFailures() {
        return forceFailures;
    }

    @Override
    public synchronized FileChannel open(Path file, Set<? extends OpenOption> options) throws IOException {
        Path p = file.toAbsolutePath();
        boolean existed = Files.exists(p);
        FileChannel real = FileChannel.open(p, options);
        if (!files.containsKey(p)) {
            Inode inode = new Inode();
            if (existed) {
                inode.medium = Files.readAllBytes(p); // there before this disk was: already on the medium
            } else {
                unsynced.add(new NameChange(p.getParent(), () -> forget(p)));
            }
            files.put(p, inode);
        }
        if (options.contains(StandardOpenOption.TRUNCATE_EXISTING)) {
            truncated(p, 0);
        }
        return new TrackedChannel(real, this, p);
    }

    @Override
    public synchronized void move(Path from, Path to) throws IOException {
        Path f = from.toAbsolutePath();
        Path t = to.toAbsolutePath();
        Files.move(f, t, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        Inode moved = files.remove(f);
        Inode replaced = files.put(t, moved == null ? new Inode() : moved);
        unsynced.add(new NameChange(t.getParent(), () -> {
            Inode back = files.remove(t);
            if (back != null) {
                files.put(f, back);
            }
            if (replaced != null) {
                files.put(t, replaced);
            } else {
                delete(t);
            }
        }));
    }

    @Override
    public synchronized void syncDirectory(Path dir) {
        Path d = dir.toAbsolutePath();
        unsynced.removeIf(c -> c.dir().equals(d));
    }

    synchronized int writable(int wanted) {
        return full ? wanted / 2 : wanted;
    }

    synchronized void written(Path file, long position, int n) {
        if (n > 0) {
            files.get(file).dirty.add(new long[] {position, position + n});
        }
    }

    synchronized void truncated(Path file, long size) {
        Inode inode = files.get(file);
        inode.truncatedTo = Math.min(inode.truncatedTo, size);
        inode.dirty.removeIf(r -> r[0] >= size);
    }

    synchronized void force(Path file) throws IOException {
        Inode inode = files.get(file);
        if (failNextForce) {
            failNextForce = false;
            forceFailures++;
            inode.dirty.clear(); // what Linux does after a failed writeback: the pages are clean, the data lost
            throw new IOException("Input/output error (injected fsync failure)");
        }
        byte[] now = Files.readAllBytes(file);
        byte[] medium = inode.medium;
        if (inode.truncatedTo < medium.length) {
            medium = Arrays.copyOf(medium, (int) inode.truncatedTo);
        }
        for (long[] r : inode.dirty) {
            int end = (int) Math.min(r[1], now.length);
            if (end > medium.length) {
                medium = Arrays.copyOf(medium, end);
            }
            System.arraycopy(now, (int) r[0], medium, (int) r[0], Math.max(0, end - (int) r[0]));
        }
        inode.medium = medium;
        inode.dirty.clear();
        inode.truncatedTo = Long.MAX_VALUE;
    }

    /**
     * The power goes and comes back: names never made durable vanish (or go back to what they were before a
     * rename), and every file holds exactly what its forces put on the medium. The code under test should be
     * closed first, and opened anew on the files afterwards.
     */
    public synchronized void powerCut() throws IOException {
        files.keySet().removeIf(p -> !Files.exists(p)); // deleted behind the disk's back: taken as durable
        for (int i = unsynced.size() - 1; i >= 0; i--) {
            unsynced.get(i).undo().run();
        }
        unsynced.clear();
        for (Map.Entry<Path, Inode> e : files.entrySet()) {
            Files.write(e.getKey(), e.getValue().medium);
            e.getValue().dirty.clear();
        }
    }

    private void forget(Path p) {
        files.remove(p);
        delete(p);
    }

    private static void delete(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
