package dev.portal.device.app;

import dev.portal.device.config.ReaderChip;
import dev.portal.device.outbox.OutboxRecord;
import dev.portal.device.sim.SimulatedHardware;
import dev.portal.device.sim.SimulatedPortal;
import dev.portal.device.sim.ToyCatalogue;
import dev.portal.device.testing.SimDevice;
import dev.portal.device.testing.TestHost;
import dev.portal.hardware.sim.rf.Antenna;
import dev.portal.hardware.sim.rf.Placement;
import dev.portal.protocol.frame.Calibrate;
import dev.portal.protocol.frame.CalibrationReport;
import dev.portal.protocol.frame.CalibrationReport.GainRate;
import dev.portal.protocol.frame.Command;
import dev.portal.protocol.frame.CommandReport;
import dev.portal.protocol.frame.CommandResult;
import dev.portal.protocol.frame.Frame;
import dev.portal.protocol.frame.FrameCodec;
import dev.portal.protocol.frame.Header;
import dev.portal.protocol.frame.Status;
import dev.portal.testsupport.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Calibration on the coupling model: a toy far from a weak pad's antenna is missed by many polls at the default
 * gain; the sweep finds the gains that read it every time and applies the middle of them, and the missed polls
 * stop. A near toy is spoiled by the highest gain, so its optimum lies lower. The service runs on the chip models
 * through the real drivers (MFRC522; PN532 on a socat pty pair); no broker is needed (results are read from the
 * outbox).
 */
class CalibrationCouplingTest {
    @TempDir
    Path dir;

    private SimDevice device;
    private SimulatedHardware hw;
    private DeviceService service;
    private final ToyCatalogue catalogue = new ToyCatalogue(TestHost.KEY);
    private long nextId = 1;

    private void start() throws Exception {
        start(ReaderChip.MFRC522);
    }

    private void start(ReaderChip chip) throws Exception {
        device = SimDevice.start(SimulatedPortal.config(dir, "tcp://127.0.0.1:1", 1, chip), 5);
        hw = device.hw();
        service = device.service();
    }

    @AfterEach
    void stop() {
        if (device != null) {
            device.close();
        }
    }

    /** Missed polls among the next {@code polls} polls of the pad. */
    private long missedOver(long polls) {
        long polls0 = service.health().polls.get();
        long missed0 = service.health().missedPolls.get();
        Await.until(polls + " polls", () -> service.health().polls.get() - polls0 >= polls, Duration.ofSeconds(30));
        return service.health().missedPolls.get() - missed0;
    }

    /** Sends a gain sweep for pad 0 as the host would and returns its report, once its result is OK. */
    private CalibrationReport sweep() {
        long id = nextId++;
        long from = service.outbox().nextIndex();
        service.commands().handle(FrameCodec.encode(new Frame(Header.of(1, 1, 0, false),
                new Command(id, new Calibrate(0, 0, 3)))));
        CalibrationReport[] report = new CalibrationReport[1];
        Await.until("the sweep's result", () -> {
            for (OutboxRecord r : service.outbox().readDurable(from, 1000)) {
                switch (FrameCodec.decode(r.payload()).message()) {
                    case CommandReport c when c.correlationId() == id -> report[0] = (CalibrationReport) c.report();
                    case CommandResult c when c.correlationId() == id -> {
                        assertEquals(Status.OK, c.status(), c.detail());
                        return report[0] != null;
                    }
                    default -> { }
                }
            }
            return false;
        }, Duration.ofSeconds(60));
        return report[0];
    }

    private static List<Integer> rates(CalibrationReport r) {
        return r.sweep().stream().map(GainRate::successPercent).toList();
    }

    /**
     * The PN532 misses fewer polls than the MFRC522 at 33 dB (its firmware retries an activation that got no
     * answer), but misses them all the same.
     */
    @ParameterizedTest
    @EnumSource(ReaderChip.class)
    void calibratingAWeakPadStopsTheMissedPollsOfAFarToy(ReaderChip chip) throws Exception {
        start(chip);
        hw.portal().pad(0).antenna(Antenna.WEAK);
        hw.portal().place(catalogue.make("dragon"), 0, Placement.FAR);
        Await.until("the far toy seen", () -> service.slots().present() == 1, Duration.ofSeconds(20));
        long before = missedOver(300);
        assertTrue(before >= 8, "at the default 33 dB a far toy on a weak pad is missed: " + before + " of 300");

        CalibrationReport report = sweep();
        assertEquals(List.of(0, 0), rates(report).subList(0, 2), "18 and 23 dB never hear it: " + report);
        assertTrue(rates(report).get(2) < 100, "33 dB misses it now and then: " + report);
        assertEquals(List.of(100, 100, 100), rates(report).subList(3, 6), report.toString());
        assertEquals(43, report.applied().orElseThrow().antennaGainDb(), "the middle of 38..48 dB: " + report);

        long after = missedOver(300);
        assertEquals(0, after, "calibrated, the toy is heard at every poll (before: " + before + " of 300)");
        assertEquals(1, service.slots().present(), "and it never left");
    }

    @Test
    void tooMuchGainSpoilsANearToySoTheSweepAppliesLessThanForAFarOne() throws Exception {
        start();
        hw.portal().place(catalogue.make("dragon"), 0, Placement.NEAR);
        Await.until("the toy seen", () -> service.slots().present() == 1, Duration.ofSeconds(20));
        CalibrationReport near = sweep();
        assertEquals(List.of(100, 100, 100, 100, 100, 0), rates(near), "48 dB overdrives the receiver: " + near);
        assertEquals(33, near.applied().orElseThrow().antennaGainDb(), near.toString());

        hw.portal().place(hw.portal().pad(0).tags().get(0), 0, Placement.FAR); // slid to the rim
        CalibrationReport far = sweep();
        assertEquals(List.of(0, 0, 100, 100, 100, 100), rates(far), far.toString());
        assertEquals(38, far.applied().orElseThrow().antennaGainDb(), far.toString());

        hw.portal().place(hw.portal().pad(0).tags().get(0), 0, Placement.NORMAL);
        assertEquals(List.of(100, 100, 100, 100, 100, 100), rates(sweep()), "a standing toy reads at every gain");
    }
}
