package dev.portal.portalctl.unit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portal.portalctl.calibrate.CalibrationTable;
import dev.portal.portalctl.cli.DurationConverter;
import dev.portal.portalctl.config.ConfigShadow;
import dev.portal.portalctl.firmware.PushResult;
import dev.portal.portalctl.firmware.PushResult.Outcome;
import dev.portal.portalctl.firmware.Rollout;
import dev.portal.protocol.frame.CalibrationReport;
import dev.portal.protocol.frame.CalibrationReport.GainRate;
import dev.portal.protocol.frame.PadCalibration;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

/** The small pieces behind the commands, without a broker. */
class PiecesTest {
    @Test
    void calibrationTableShowsTheReportedSweepAndMarksTheAppliedGain() {
        CalibrationReport report = new CalibrationReport(0, List.of(new GainRate(18, 0), new GainRate(23, 45),
                new GainRate(33, 100)), Optional.of(new PadCalibration(0, 33, 3)));
        List<String> text = CalibrationTable.toText(report);
        assertEquals(List.of(
                "  gain    success",
                "  18 dB     0%                      ",
                "  23 dB    45%  #########           ",
                "  33 dB   100%  #################### <- applied"), text);
        assertTrue(CalibrationTable.toText(new CalibrationReport(0, List.of(), Optional.of(new PadCalibration(0, 38, 3))))
                .isEmpty(), "a gain given is not a sweep");
        assertTrue(CalibrationTable.toText(new CalibrationReport(0, List.of(new GainRate(18, 95)), Optional.empty()))
                .stream().noneMatch(l -> l.contains("applied")), "nothing applied, nothing marked");
    }

    @Test
    void shadowPendingKeysAreThoseChangedAfterTheReportedVersion() {
        ConfigShadow s = ConfigShadow.empty().withDesired(1, Map.of("pollHz", "25")).withReported(1, Map.of("pollHz", "25"))
                .withDesired(2, Map.of("heartbeatSeconds", "10"));
        assertEquals(List.of("heartbeatSeconds"), s.pending());
        assertFalse(s.inSync());
        ConfigShadow back = ConfigShadow.fromJson(new com.fasterxml.jackson.databind.ObjectMapper()
                .convertValue(s.toJson(), Map.class));
        assertEquals(s.desired(), back.desired());
        assertEquals(s.pending(), back.pending());
        assertTrue(s.withReportedVersion(2).inSync());
    }

    @Test
    void shadowVersionsWrapAsThePortalsDo() {
        ConfigShadow top = ConfigShadow.empty().withDesired(0xFFFF_FFFFL, Map.of("pollHz", "25"))
                .withReported(0xFFFF_FFFFL, Map.of("pollHz", "25"));
        assertTrue(top.inSync());
        ConfigShadow wrapped = top.withDesired(0, Map.of("pollHz", "30"));
        assertEquals(List.of("pollHz"), wrapped.pending(), "version 0 follows 0xFFFFFFFF");
        assertFalse(wrapped.inSync());
        assertTrue(wrapped.withReportedVersion(0).inSync());
    }

    @Test
    void durationsAreWrittenAsTechniciansWriteThem() {
        DurationConverter c = new DurationConverter();
        assertEquals(Duration.ofMillis(500), c.convert("500ms"));
        assertEquals(Duration.ofSeconds(10), c.convert("10"));
        assertEquals(Duration.ofMinutes(3), c.convert("3m"));
        assertThrows(TypeConversionException.class, () -> c.convert("soon"));
    }

    @Test
    void rolloutRunsACanaryBatchThenStopsAtTheFailureThreshold() throws Exception {
        Rollout r = new Rollout(25, 2);
        assertEquals(3, r.batchSize(10));
        List<String> pushed = new CopyOnWriteArrayList<>();
        List<PushResult> results = r.run(List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j"), d -> {
            pushed.add(d);
            return new PushResult(d, d.equals("b") || d.equals("e") ? Outcome.ROLLED_BACK : Outcome.COMMITTED, "");
        }, x -> { });
        assertEquals(List.of("a", "b", "c", "d", "e", "f"), pushed.stream().sorted().toList(), "two batches of 3, then stop");
        assertEquals(10, results.size());
        assertEquals(4, results.stream().filter(x -> x.outcome() == Outcome.SKIPPED).count());

        List<PushResult> thrown = new Rollout(100, 5).run(List.of("x"), d -> {
            throw dev.portal.portalctl.cli.PortalctlException.unreachable("gone");
        }, x -> { });
        assertEquals(Outcome.UNREACHABLE, thrown.get(0).outcome());
    }
}
