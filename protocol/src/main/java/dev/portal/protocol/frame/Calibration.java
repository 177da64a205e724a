package dev.portal.protocol.frame;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The calibration in force on a device, one entry per pad (at most {@link Limits#MAX_PADS}, pads unique). */
public record Calibration(List<PadCalibration> pads) {
    public Calibration {
        pads = List.copyOf(Check.present("calibration pads", pads));
        if (pads.size() > Limits.MAX_PADS) {
            throw new IllegalArgumentException("at most " + Limits.MAX_PADS + " calibrated pads, not " + pads.size());
        }
        Set<Integer> seen = new HashSet<>();
        for (PadCalibration p : pads) {
            if (!seen.add(p.pad())) {
                throw new IllegalArgumentException("pad " + p.pad() + " calibrated twice");
            }
        }
    }
}
