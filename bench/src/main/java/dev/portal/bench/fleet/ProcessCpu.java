package dev.portal.bench.fleet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * CPU time of processes read from {@code /proc/PID/stat}, so a figure covers processes this JVM did not start
 * (PostgreSQL's server and its backends) as well as its children. A process tree's time is its root's own, the
 * time of its children it has already reaped (PostgreSQL's backends and autovacuum workers come and go), and the
 * time of the children still alive: a child that ends between two readings moves from the last sum to the second
 * without being counted twice or lost.
 */
final class ProcessCpu {
    /** USER_HZ: the kernel reports times in these ticks; 100 on every Linux architecture this project runs on. */
    private static final long TICKS_PER_SECOND = 100;

    private ProcessCpu() {
    }

    /** CPU time of one process (all its threads), not counting its children. */
    static Duration of(long pid) throws IOException {
        long[] t = ticks(pid);
        return ticksToDuration(t[0] + t[1]);
    }

    /** CPU time of a process, its reaped children and its living descendants. */
    static Duration ofTree(long rootPid) throws IOException {
        long[] root = ticks(rootPid);
        long total = root[0] + root[1] + root[2] + root[3];
        Set<Long> children = ProcessHandle.of(rootPid).stream().flatMap(ProcessHandle::descendants)
                .map(ProcessHandle::pid).collect(Collectors.toSet());
        for (long child : children) {
            try {
                long[] t = ticks(child);
                total += t[0] + t[1];
            } catch (NoSuchFileException gone) {
                // ended since it was listed: its time is now in its parent's reaped-children figure
            }
        }
        return ticksToDuration(total);
    }

    /** CPU time every process of the machine has used since boot (all cores: user, nice, system, irq, softirq, steal). */
    static Duration machine() throws IOException {
        String[] f = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
        long busy = 0;
        for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
            busy += Long.parseLong(f[i]);
        }
        return ticksToDuration(busy);
    }

    private static Duration ticksToDuration(long ticks) {
        return Duration.ofNanos(ticks * (1_000_000_000L / TICKS_PER_SECOND));
    }

    /** utime, stime, cutime, cstime: fields 14-17 of /proc/PID/stat (after the command name in brackets). */
    private static long[] ticks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // fields[0] is field 3 (state), so field n is fields[n - 3]
        return new long[] {Long.parseLong(fields[11]), Long.parseLong(fields[12]), Long.parseLong(fields[13]),
                Long.parseLong(fields[14])};
    }
}
