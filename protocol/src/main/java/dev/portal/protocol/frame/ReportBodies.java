package dev.portal.protocol.frame;

import dev.portal.protocol.frame.FrameException.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * CommandReport body: correlation id u32, report kind u8, kind-specific fields. Calibration: pad u8, applied
 * gain dB u8 (0 = nothing applied), applied removal miss threshold u8 (0 exactly when nothing applied), row
 * count u8 (0..16), rows of gain dB u8 (1..255) and success percent u8 (0..100). Config: version u32, entries as
 * in ConfigSet.
 */
final class ReportBodies {
    private ReportBodies() {
    }

    static void write(CommandReport c, WireWriter w) {
        w.u32(c.correlationId()).u8(c.report().kind().code());
        switch (c.report()) {
            case CalibrationReport k -> {
                w.u8(k.pad())
                        .u8(k.applied().map(PadCalibration::antennaGainDb).orElse(0))
                        .u8(k.applied().map(PadCalibration::removalMissThreshold).orElse(0))
                        .u8(k.sweep().size());
                for (CalibrationReport.GainRate r : k.sweep()) {
                    w.u8(r.antennaGainDb()).u8(r.successPercent());
                }
            }
            case ConfigReport k -> CommandBodies.writeEntries(w.u32(k.version()), k.entries());
        }
    }

    static CommandReport read(WireReader r) throws FrameException {
        long id = r.u32("correlation id");
        int code = r.u8("report kind");
        ReportKind kind = ReportKind.fromCode(code);
        if (kind == null) {
            throw new FrameException(Reason.BAD_FIELD, "report kind " + code);
        }
        Report report = switch (kind) {
            case CALIBRATION -> readCalibration(r);
            case CONFIG -> new ConfigReport(r.u32("config version"), CommandBodies.readEntries(r));
        };
        return new CommandReport(id, report);
    }

    private static CalibrationReport readCalibration(WireReader r) throws FrameException {
        int pad = r.u8("pad");
        int gain = r.u8("applied gain");
        int threshold = r.u8("applied removal miss threshold");
        if ((gain == 0) != (threshold == 0)) {
            throw new FrameException(Reason.BAD_FIELD, "applied gain " + gain + " with removal miss threshold " + threshold
                    + ": both are 0 (nothing applied) or neither");
        }
        int count = r.u8("sweep row count");
        if (count > CalibrationReport.MAX_SWEEP) {
            throw new FrameException(Reason.TOO_LONG, "sweep row count " + count + " exceeds " + CalibrationReport.MAX_SWEEP);
        }
        List<CalibrationReport.GainRate> sweep = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            sweep.add(new CalibrationReport.GainRate(r.u8("swept gain"), r.u8("success percent")));
        }
        Optional<PadCalibration> applied = gain == 0 ? Optional.empty() : Optional.of(new PadCalibration(pad, gain, threshold));
        return new CalibrationReport(pad, sweep, applied);
    }
}
