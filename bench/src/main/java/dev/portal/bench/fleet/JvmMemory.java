package dev.portal.bench.fleet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What a JVM of ours holds: its live heap (every reachable object, counted by {@code jcmd PID
 * GC.class_histogram}, which runs a full collection first) and its resident set ({@code VmRSS} of
 * {@code /proc/PID/status}: heap the collector has claimed, code, thread stacks, direct buffers).
 */
record JvmMemory(long liveHeapBytes, long rssBytes) {
    private static final long JCMD_TIMEOUT_SECONDS = 60;

    static JvmMemory of(long pid) throws IOException, InterruptedException {
        return new JvmMemory(liveHeap(pid), rss(pid));
    }

    JvmMemory minus(JvmMemory baseline) {
        return new JvmMemory(liveHeapBytes - baseline.liveHeapBytes, rssBytes - baseline.rssBytes);
    }

    static long rss(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        throw new IOException("no VmRSS in /proc/" + pid + "/status");
    }

    /** The histogram's last line: {@code Total <instances> <bytes>}. */
    private static long liveHeap(long pid) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.class_histogram")
                .redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(JCMD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("jcmd " + pid + " GC.class_histogram did not finish");
        }
        List<String> lines = new String(out, StandardCharsets.UTF_8).lines().toList();
        for (int i = lines.size() - 1; i >= 0; i--) {
            String[] f = lines.get(i).trim().split("\\s+");
            if (f.length == 3 && f[0].equals("Total")) {
                return Long.parseLong(f[2]);
            }
        }
        throw new IOException("jcmd " + pid + " GC.class_histogram gave no total: "
                + String.join("\n", lines.subList(Math.max(0, lines.size() - 5), lines.size())));
    }
}
