package dev.portal.device.command;

import dev.portal.device.presence.PadPoller;
import dev.portal.device.toy.TagMemory;
import dev.portal.protocol.frame.AntennaGain;
import dev.portal.hardware.reader.NfcReader;
import dev.portal.hardware.reader.ReaderException;
import dev.portal.hardware.reader.TagInfo;
import dev.portal.hardware.reader.TagSession;
import dev.portal.protocol.frame.Calibrate;
import dev.portal.protocol.frame.CalibrationReport;
import dev.portal.protocol.frame.CalibrationReport.GainRate;
import dev.portal.protocol.frame.PadCalibration;
import dev.portal.protocol.frame.Status;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * Calibrates a pad. With {@code antennaGainDb == 0} it sweeps the chip's gains with the one toy lying on the pad
 * as reference: at each gain it scans, selects and reads that toy once unrecorded, then {@link #TRIES} times, and
 * applies the gain in the middle of the widest run of neighbouring gains that read it every time
 * ({@link #choose}): too little gain misses a far toy's answers, too much overdrives the receiver with a near
 * one's, and the middle of the window leaves room both ways for a toy that lies a little differently next time. A
 * non-zero gain is applied as told. The removal threshold is applied as given. Every outcome carries a {@link CalibrationReport}: the
 * rates swept and the calibration applied, as data. Runs on the pad's thread.
 */
final class Calibrator {
    static final int TRIES = 20;

    Outcome calibrate(PadPoller poller, Calibrate cmd) {
        PadCalibration previous = poller.calibration();
        if (cmd.antennaGainDb() != 0) {
            return apply(poller, new PadCalibration(cmd.pad(), cmd.antennaGainDb(), cmd.removalMissThreshold()),
                    "gain as requested", List.of());
        }
        List<TagInfo> present = poller.present();
        if (present.size() != 1) {
            return Outcome.of(Status.REJECTED, "a gain sweep needs exactly one reference toy on pad " + cmd.pad()
                    + ", found " + present.size()).with(notApplied(cmd.pad(), List.of()));
        }
        TagInfo ref = present.get(0);
        NfcReader reader = poller.reader();
        StringJoiner rates = new StringJoiner(", ");
        List<GainRate> sweep = new ArrayList<>();
        int chosen = -1;
        try {
            for (AntennaGain step : AntennaGain.STEPS) {
                int gain = step.decibels();
                reader.setAntennaGain(step);
                // not counted: a toy the last gain lost mid-exchange may still be selected, deaf to this scan's WUPA
                readsAt(reader, ref);
                int ok = 0;
                for (int i = 0; i < TRIES; i++) {
                    if (readsAt(reader, ref)) {
                        ok++;
                    }
                }
                rates.add(gain + " dB " + (ok * 100 / TRIES) + "%");
                sweep.add(new GainRate(gain, ok * 100 / TRIES));
            }
            chosen = choose(sweep);
            if (chosen < 0) {
                reader.setAntennaGain(new AntennaGain(previous.antennaGainDb()));
                return Outcome.of(Status.FAILED, "no gain read the reference toy " + ref.uid() + " every time ("
                        + rates + "); kept " + previous.antennaGainDb() + " dB").with(notApplied(cmd.pad(), sweep));
            }
        } catch (ReaderException | IllegalArgumentException e) {
            return Outcome.of(Status.FAILED, "sweep failed: " + e.getMessage()).with(notApplied(cmd.pad(), sweep));
        }
        return apply(poller, new PadCalibration(cmd.pad(), chosen, cmd.removalMissThreshold()),
                "sweep with " + ref.uid() + ": " + rates, sweep);
    }

    /**
     * The gain to apply from a sweep in rising gain order: the middle of the widest run of neighbouring steps
     * that read every time (the lower middle of an even run: less gain, less coupling to neighbouring pads; the
     * lower run of two equally wide ones, for the same reason); -1 when no step read every time.
     */
    static int choose(List<GainRate> sweep) {
        int bestStart = -1;
        int bestLength = 0;
        for (int i = 0; i < sweep.size(); ) {
            if (sweep.get(i).successPercent() < 100) {
                i++;
                continue;
            }
            int start = i;
            while (i < sweep.size() && sweep.get(i).successPercent() == 100) {
                i++;
            }
            if (i - start > bestLength) {
                bestStart = start;
                bestLength = i - start;
            }
        }
        return bestStart < 0 ? -1 : sweep.get(bestStart + (bestLength - 1) / 2).antennaGainDb();
    }

    private static boolean readsAt(NfcReader reader, TagInfo ref) {
        try {
            if (reader.scan().stream().noneMatch(t -> t.uid().equals(ref.uid()))) {
                return false;
            }
            try (TagSession s = reader.select(ref.uid())) {
                TagMemory.detect(s, ref);
                return true;
            }
        } catch (ReaderException e) {
            return false;
        }
    }

    private static Outcome apply(PadPoller poller, PadCalibration c, String how, List<GainRate> sweep) {
        try {
            poller.calibrate(c);
        } catch (ReaderException | IllegalArgumentException e) {
            return Outcome.of(Status.FAILED, "could not apply " + c.antennaGainDb() + " dB: " + e.getMessage())
                    .with(notApplied(c.pad(), sweep));
        }
        return Outcome.ok("pad " + c.pad() + ": applied " + c.antennaGainDb() + " dB, removal after "
                + c.removalMissThreshold() + " misses (" + how + ")")
                .with(new CalibrationReport(c.pad(), sweep, Optional.of(c)));
    }

    private static CalibrationReport notApplied(int pad, List<GainRate> sweep) {
        return new CalibrationReport(pad, sweep, Optional.empty());
    }
}
