package dev.portal.bench.device;

import dev.portal.device.app.DeviceService;
import dev.portal.device.app.PortalAssembly;
import dev.portal.device.config.DeviceConfig;
import dev.portal.device.config.ReaderChip;
import dev.portal.device.frame.BootClock;
import dev.portal.device.outbox.OutboxRecord;
import dev.portal.device.sim.SimulatedHardware;
import dev.portal.device.sim.SimulatedPortal;
import dev.portal.device.sim.ToyCatalogue;
import dev.portal.hardware.sim.rf.Antenna;
import dev.portal.hardware.sim.rf.Placement;
import dev.portal.protocol.frame.Calibrate;
import dev.portal.protocol.frame.CalibrationReport;
import dev.portal.protocol.frame.Command;
import dev.portal.protocol.frame.CommandReport;
import dev.portal.protocol.frame.Frame;
import dev.portal.protocol.frame.FrameCodec;
import dev.portal.protocol.frame.Header;
import dev.portal.protocol.frame.Message;
import dev.portal.protocol.toy.FleetKey;

import dev.portal.testsupport.Await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * What calibration does for a weak pad: the whole service on the chip models (no broker: frames stay in the
 * outbox), one pad with a weak antenna ({@link Antenna#WEAK}) and a toy on its rim ({@link Placement#FAR}).
 * Missed polls are counted over a number of polls at the default gain, then the host's gain sweep (Calibrate with
 * gain 0) runs as a command, and the missed polls are counted again over as many polls.
 */
final class CalibrationRun {
    record Result(ReaderChip chip, long polls, long missedBefore, CalibrationReport sweep, long missedAfter) {
    }

    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    Result run(Path dir, ReaderChip chip, long polls) throws Exception {
        DeviceConfig config = SimulatedPortal.config(dir, "tcp://127.0.0.1:1", 1, chip);
        try (SimulatedHardware hw = SimulatedHardware.forPads(config.pads(), 21)) {
            DeviceService service = PortalAssembly.assemble(config, hw.readers(), hw.lights(), new BootClock(true),
                    () -> { });
            try {
                service.start();
                hw.portal().pad(0).antenna(Antenna.WEAK);
                hw.portal().place(new ToyCatalogue(FleetKey.fromHex(SimulatedPortal.SIMULATION_KEY)).make("dragon"), 0,
                        Placement.FAR);
                Await.until("the far toy seen", () -> service.slots().present() == 1, TIMEOUT);
                long before = missed(service, polls);
                long from = service.outbox().nextIndex();
                service.commands().handle(FrameCodec.encode(new Frame(Header.of(1, 1, 0, false),
                        new Command(1, new Calibrate(0, 0, 3)))));
                CalibrationReport sweep = Await.value("the sweep's report", () -> report(service, from), TIMEOUT);
                return new Result(chip, polls, before, sweep, missed(service, polls));
            } finally {
                service.close();
            }
        }
    }

    private static Optional<CalibrationReport> report(DeviceService service, long from) throws Exception {
        for (OutboxRecord r : service.outbox().readDurable(from, 1000)) {
            Message m = FrameCodec.decode(r.payload()).message();
            if (m instanceof CommandReport c && c.report() instanceof CalibrationReport cal) {
                return Optional.of(cal);
            }
        }
        return Optional.empty();
    }

    private static long missed(DeviceService service, long polls) {
        long polls0 = service.health().polls.get();
        long missed0 = service.health().missedPolls.get();
        Await.until(polls + " polls", () -> service.health().polls.get() - polls0 >= polls, TIMEOUT);
        return service.health().missedPolls.get() - missed0;
    }
}
