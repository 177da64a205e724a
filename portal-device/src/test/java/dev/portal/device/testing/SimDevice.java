package dev.portal.device.testing;

import dev.portal.device.app.DeviceService;
import dev.portal.device.app.PortalAssembly;
import dev.portal.device.config.DeviceConfig;
import dev.portal.device.frame.BootClock;
import dev.portal.device.sim.SimulatedHardware;

/** The service, started on simulated hardware for {@code config}'s pads; closing stops both. */
public record SimDevice(SimulatedHardware hw, DeviceService service) implements AutoCloseable {

    public static SimDevice start(DeviceConfig config, long seed) throws Exception {
        SimulatedHardware hw = SimulatedHardware.forPads(config.pads(), seed);
        try {
            DeviceService service = PortalAssembly.assemble(config, hw.readers(), hw.lights(), new BootClock(true),
                    () -> { });
            service.start();
            return new SimDevice(hw, service);
        } catch (Exception | Error e) {
            hw.close();
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            service.close();
        } finally {
            hw.close();
        }
    }
}
