package dev.portal.bench.device;

import dev.portal.device.config.ReaderChip;
import dev.portal.hardware.sim.rf.Antenna;
import dev.portal.hardware.sim.rf.Placement;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * {@code scripts/bench device}: the portal service's figures on the chip models, printed as Markdown.
 * <ul>
 * <li>latency from a tag entering (leaving) a pad's field to its TagPlaced (TagRemoved) in the outbox, p50/p99
 * over at least 1,000 placements, 20 Hz polling, removal threshold 3;</li>
 * <li>CPU per poll cycle (poll-thread CPU time; includes the chip model, which runs in the same thread);</li>
 * <li>the running service as a child JVM with the production options: RSS and idle CPU at 20 Hz;</li>
 * <li>the same latencies on PN532 pads (model on a socat pty pair, real UART driver);</li>
 * <li>missed polls of a far toy on a weak pad before and after a gain sweep, on either chip.</li>
 * </ul>
 * Arguments: {@code [placements]} (default 1000).
 */
public final class DeviceBench {
    private static final int POLL_HZ = 20;
    private static final int CALIBRATION_POLLS = 400;

    private DeviceBench() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        // the calibration runs have no broker on purpose: their reconnect warnings are not figures
        for (String quiet : List.of("dev.portal.device.mqtt", "dev.portal.link")) {
            ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(quiet))
                    .setLevel(ch.qos.logback.classic.Level.ERROR);
        }
        int placements = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        PrintStream out = System.out;
        Path work = Files.createTempDirectory("device-bench");

        int pads = 8;
        LatencyRun.Result r = new LatencyRun(pads, POLL_HZ, ReaderChip.MFRC522).run(work.resolve("outbox"), placements);
        LatencyRun.Result idle = idleCpu(work);
        LatencyRun.Result pn532 = new LatencyRun(pads, POLL_HZ, ReaderChip.PN532).run(work.resolve("outbox-pn532"),
                placements);
        List<CalibrationRun.Result> calibration = new ArrayList<>();
        for (ReaderChip chip : ReaderChip.values()) {
            calibration.add(new CalibrationRun().run(work.resolve("calibration-" + chip.configName()), chip,
                    CALIBRATION_POLLS));
        }

        System.gc();
        long heapUsed = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long benchRss = ServiceProbe.status(Path.of("/proc/self/status"), "VmRSS");
        List<String> prodOpts = List.of("-Xms16m", "-Xmx64m", "-XX:+UseSerialGC", "-Xss512k");
        ServiceProbe.Result svc = ServiceProbe.measure(work, prodOpts, 2, 20);

        out.println("Chip models (MFRC522 model per pad, real driver over the model-backed Pi4J SPI provider), "
                + POLL_HZ + " Hz polling, removal after 3 missed polls confirmed by selects; the outbox is a real "
                + "journal on disk.");
        out.println();
        out.println("| measure | p50 | p99 | max | n |");
        out.println("|---|---|---|---|---|");
        row(out, "tag enters field -> TagPlaced in outbox", r.placedNanos());
        row(out, "tag leaves field -> TagRemoved in outbox", r.removedNanos());
        out.println();
        out.printf(Locale.ROOT, "Placements ran on %d pads at once (%d polls in the run).%n", pads, r.polls());
        out.println();
        out.println("| CPU | figure |");
        out.println("|---|---|");
        out.printf(Locale.ROOT, "| poll-thread CPU per poll cycle, 8 pads busy (incl. chip model) | %.0f us |%n",
                r.pollCpuNanos() / 1000.0 / Math.max(1, r.polls()));
        out.printf(Locale.ROOT, "| poll-thread CPU per poll cycle, 1 pad, 2 toys resting (incl. chip model) | %.0f us |%n",
                idle.pollCpuNanos() / 1000.0 / Math.max(1, idle.polls()));
        out.printf(Locale.ROOT, "| = share of one core for that pad at %d Hz | %.2f %% |%n", POLL_HZ,
                idle.pollCpuNanos() / 1e9 / Math.max(1, idle.polls()) * POLL_HZ * 100);
        out.printf(Locale.ROOT, "| whole service process, 2 pads, 2 toys resting, %d Hz, %.0f s (aim <= 3 %%) | %.2f %% of a core |%n",
                POLL_HZ, svc.seconds(), svc.idleCpuPercentOfACore());
        out.println();
        out.println("PN532 pads: the PN532 model on a real socat pty pair per pad, behind the real UART driver"
                + " (jSerialComm, 115200 8N1), the same service code; " + POLL_HZ + " Hz.");
        out.println();
        out.println("| measure (PN532) | p50 | p99 | max | n |");
        out.println("|---|---|---|---|---|");
        row(out, "tag enters field -> TagPlaced in outbox", pn532.placedNanos());
        row(out, "tag leaves field -> TagRemoved in outbox", pn532.removedNanos());
        out.println();
        out.printf(Locale.ROOT, "Placements ran on %d PN532 pads at once (%d polls in the run); poll-thread CPU per"
                + " poll cycle %.0f us (driver only: the model runs in its own thread, socat in its own process).%n",
                pads, pn532.polls(), pn532.pollCpuNanos() / 1000.0 / Math.max(1, pn532.polls()));
        out.println();
        out.printf(Locale.ROOT, "Calibration on a weak pad (antenna %.1f dB) with a toy on its rim (%s from the antenna),"
                + " the whole service: missed polls (the scan failed or missed the toy) over %d polls at the default"
                + " 33 dB, then the gain sweep (Calibrate, gain 0), then over %d more polls.%n",
                Antenna.WEAK.qualityDb(), Placement.FAR, CALIBRATION_POLLS, CALIBRATION_POLLS);
        out.println();
        out.println("| reader | missed polls at 33 dB | sweep (success per gain) | applied | missed polls after |");
        out.println("|---|---|---|---|---|");
        for (CalibrationRun.Result c : calibration) {
            out.printf(Locale.ROOT, "| %s | %d of %d (%.1f %%) | %s | %s | %d of %d (%.1f %%) |%n",
                    c.chip().name(), c.missedBefore(), c.polls(), 100.0 * c.missedBefore() / c.polls(),
                    String.join(", ", c.sweep().sweep().stream().map(g -> g.antennaGainDb() + " dB "
                            + g.successPercent() + " %").toList()),
                    c.sweep().applied().map(a -> a.antennaGainDb() + " dB").orElse("none (sweep failed)"),
                    c.missedAfter(), c.polls(),
                    100.0 * c.missedAfter() / c.polls());
        }
        out.println();
        out.println("| memory | figure |");
        out.println("|---|---|");
        out.printf(Locale.ROOT, "| service process RSS (VmRSS; %s; aim <= 128 MB) | %.1f MB (peak %.1f MB) |%n",
                String.join(" ", prodOpts), svc.rssKb() / 1024.0, svc.peakRssKb() / 1024.0);
        out.printf(Locale.ROOT, "| heap used after GC in the bench JVM (8 pads, 1 journal) | %.1f MB |%n",
                heapUsed / 1048576.0);
        out.printf(Locale.ROOT, "| bench JVM RSS (/proc/self/status VmRSS, default JVM options) | %.1f MB |%n",
                benchRss / 1024.0);
        System.exit(0);
    }

    private static LatencyRun.Result idleCpu(Path work) throws Exception {
        return new LatencyRun(1, POLL_HZ, ReaderChip.MFRC522).idle(work.resolve("outbox-idle"), 2, 10);
    }

    private static void row(PrintStream out, String name, List<Long> nanos) {
        List<Long> s = new ArrayList<>(nanos);
        Collections.sort(s);
        out.printf(Locale.ROOT, "| %s | %.1f ms | %.1f ms | %.1f ms | %d |%n", name, pct(s, 50), pct(s, 99),
                s.get(s.size() - 1) / 1e6, s.size());
    }

    private static double pct(List<Long> sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, i)) / 1e6;
    }
}
