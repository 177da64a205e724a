package dev.portal.portalctl.calibrate;

import dev.portal.portalctl.ExitCodes;
import dev.portal.portalctl.cli.Output;
import dev.portal.portalctl.cli.PortalctlException;
import dev.portal.portalctl.link.DeviceSession;
import dev.portal.protocol.frame.Birth;
import dev.portal.protocol.frame.Calibrate;
import dev.portal.protocol.frame.CalibrationReport;
import dev.portal.protocol.frame.CommandResult;
import dev.portal.protocol.frame.PadCalibration;
import dev.portal.protocol.frame.PadInfo;
import dev.portal.protocol.frame.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code calibrate}: a Calibrate command per pad (gain 0 = the portal sweeps its gains with one reference toy
 * on the pad), the success-rate table from the portal's CalibrationReport, and the calibration the portal then
 * reports in its Birth. Shared by the MQTT and serial paths.
 */
public final class CalibrateOp {
    /** A sweep reads the reference toy many times at every gain. */
    private static final Duration SWEEP_TIMEOUT = Duration.ofSeconds(60);

    private CalibrateOp() {
    }

    public static int run(DeviceSession session, Output out, Integer pad, int gainDb, Integer removalAfter)
            throws InterruptedException {
        Birth before = session.birth();
        List<Integer> pads = pad != null ? List.of(pad) : before.pads().stream().map(PadInfo::pad).toList();
        if (pad != null && before.pads().stream().noneMatch(p -> p.pad() == pad)) {
            throw PortalctlException.failure(session.deviceId() + " has no pad " + pad + " (pads: "
                    + before.pads().stream().map(p -> String.valueOf(p.pad())).toList() + ")");
        }
        List<Map<String, Object>> json = new ArrayList<>();
        int ok = 0;
        for (int p : pads) {
            int miss = removalAfter != null ? removalAfter : calibration(before, p).map(PadCalibration::removalMissThreshold).orElse(3);
            DeviceSession.Answer answer = session.ask(new Calibrate(p, gainDb, miss), SWEEP_TIMEOUT.plus(session.timeout()));
            CommandResult r = answer.result();
            Optional<CalibrationReport> report = answer.report()
                    .filter(CalibrationReport.class::isInstance).map(CalibrationReport.class::cast);
            Optional<PadCalibration> applied = report.flatMap(CalibrationReport::applied);
            Optional<PadCalibration> reported = r.status() == Status.OK ? calibration(session.birth(), p) : Optional.empty();
            boolean good = r.status() == Status.OK && reported.isPresent()
                    && applied.map(a -> a.equals(reported.get())).orElse(true);
            ok += good ? 1 : 0;
            if (out.json()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("pad", p);
                m.put("status", r.status().name());
                m.put("detail", r.detail());
                m.put("rates", report.map(CalibrationReport::sweep).orElse(List.of()).stream()
                        .map(x -> Map.of("gainDb", x.antennaGainDb(), "successPercent", x.successPercent())).toList());
                m.put("applied", applied.map(CalibrateOp::json).orElse(null));
                m.put("reported", reported.map(CalibrateOp::json).orElse(null));
                json.add(m);
            } else {
                out.line("pad " + p + ": " + r.status() + "  " + r.detail());
                report.map(CalibrationTable::toText).orElse(List.of()).forEach(out::line);
                out.line(reported.map(c -> "  portal reports pad " + p + ": " + c.antennaGainDb() + " dB, removal after "
                        + c.removalMissThreshold() + " misses" + (good ? "" : "  (does NOT match the result)"))
                        .orElse("  calibration unchanged"));
            }
        }
        if (out.json()) {
            out.jsonLine(Map.of("deviceId", session.deviceId(), "pads", json));
        }
        if (ok == pads.size()) {
            return ExitCodes.OK;
        }
        return ok > 0 ? ExitCodes.PARTIAL : ExitCodes.FAILURE;
    }

    private static Map<String, Object> json(PadCalibration c) {
        return Map.of("antennaGainDb", c.antennaGainDb(), "removalMissThreshold", c.removalMissThreshold());
    }

    private static Optional<PadCalibration> calibration(Birth b, int pad) {
        return b.calibration().pads().stream().filter(c -> c.pad() == pad).findFirst();
    }
}
