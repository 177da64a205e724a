package dev.portal.bench.device;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real service ({@code DeviceMain --simulate}) as a child JVM with the production JVM options and reads
 * its resident memory and CPU from /proc while toys rest on its pads and it polls at 20 Hz.
 */
final class ServiceProbe {
    record Result(long rssKb, long peakRssKb, double idleCpuPercentOfACore, double seconds) {
    }

    static Result measure(Path work, List<String> jvmOptions, int pads, int idleSeconds) throws Exception {
        Path script = Files.writeString(work.resolve("idle.txt"),
                "place 0 dragon\nplace 1 knight\nsleep " + (idleSeconds * 1000 + 16_000) + "\n");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new java.util.ArrayList<>(List.of(java));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.portal.device.DeviceMain",
                "--simulate", "--pads", String.valueOf(pads), "--broker", "tcp://127.0.0.1:1",
                "--data", work.resolve("data").toString(), "--script", script.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(work.resolve("service.log").toFile()).start();
        try {
            Thread.sleep(15_000); // start-up, toys placed and read, JIT compilation settled
            long pid = p.pid();
            long ticks0 = cpuTicks(pid);
            long t0 = System.nanoTime();
            Thread.sleep(idleSeconds * 1000L);
            long ticks1 = cpuTicks(pid);
            double secs = (System.nanoTime() - t0) / 1e9;
            double cpu = (ticks1 - ticks0) / 100.0 / secs * 100; // USER_HZ is 100 on Linux
            return new Result(status(pid, "VmRSS"), status(pid, "VmHWM"), cpu, secs);
        } finally {
            p.destroy();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime + stime
    }

    static long status(long pid, String field) throws IOException {
        return status(Path.of("/proc/" + pid + "/status"), field);
    }

    static long status(Path file, String field) throws IOException {
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
