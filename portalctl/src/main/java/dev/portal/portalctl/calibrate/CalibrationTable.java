package dev.portal.portalctl.calibrate;

import dev.portal.protocol.frame.CalibrationReport;
import dev.portal.protocol.frame.PadCalibration;
import java.util.ArrayList;
import java.util.List;

/** A calibration report's sweep as a technician reads it: gain, success rate, a bar, the applied gain marked. */
public final class CalibrationTable {
    private CalibrationTable() {
    }

    public static List<String> toText(CalibrationReport report) {
        List<String> out = new ArrayList<>();
        if (report.sweep().isEmpty()) {
            return out;
        }
        int applied = report.applied().map(PadCalibration::antennaGainDb).orElse(-1);
        out.add("  gain    success");
        for (CalibrationReport.GainRate r : report.sweep()) {
            String bar = "#".repeat(r.successPercent() / 5);
            out.add(String.format("  %2d dB  %4d%%  %-20s%s", r.antennaGainDb(), r.successPercent(), bar,
                    applied == r.antennaGainDb() ? " <- applied" : ""));
        }
        return out;
    }
}
