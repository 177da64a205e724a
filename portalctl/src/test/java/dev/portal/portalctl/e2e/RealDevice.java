package dev.portal.portalctl.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portal.device.app.DeviceService;
import dev.portal.device.app.PortalAssembly;
import dev.portal.device.sim.SimulatedHardware;
import dev.portal.device.config.ConfigLoader;
import dev.portal.device.config.DeviceConfig;
import dev.portal.device.frame.BootClock;
import java.nio.file.Path;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * The real device service in simulate mode (chip models behind the real driver), in this JVM, configured as a
 * portal.json would: {@code settings} adds firmware or serial sections. A restart it asks for (exit 75 in
 * production) is recorded in {@link #restarts}; {@link #restart()} then starts the next incarnation on the same
 * data directory, as the launcher would.
 */
final class RealDevice implements AutoCloseable {
    final LinkedBlockingQueue<Long> restarts = new LinkedBlockingQueue<>();
    final DeviceConfig config;
    private final ObjectNode root;
    private final Path dataDir;
    SimulatedHardware hw;
    DeviceService service;

    RealDevice(String brokerUri, String deviceId, Path dataDir, Consumer<ObjectNode> settings) throws Exception {
        this.dataDir = dataDir;
        root = new ObjectMapper().createObjectNode();
        root.put("deviceId", deviceId).put("dataDirectory", dataDir.toString()).put("heartbeatSeconds", 1);
        root.putObject("mqtt").put("uri", brokerUri);
        root.putArray("pads").addObject().put("chipSelect", 0);
        settings.accept(root);
        config = ConfigLoader.fromTree(root, dataDir);
        boot(config);
        SimulatedDeviceTest.awaitOnline(service);
    }

    private void boot(DeviceConfig config) throws Exception {
        hw = SimulatedHardware.open(1, 11);
        DeviceService s = PortalAssembly.assemble(config, hw.readers(), hw.lights(),
                new BootClock(true), () -> restarts.add(System.nanoTime()));
        service = s;
        s.start();
    }

    /** The launcher's part: the process ended, start the service again (it runs the current slot's version). */
    void restart() throws Exception {
        close();
        boot(config);
    }

    /** A restart whose service cannot reach any broker (the network is down, or the new version is broken). */
    void restartCutOff() throws Exception {
        ObjectNode cut = root.deepCopy();
        ((ObjectNode) cut.get("mqtt")).put("uri", "tcp://127.0.0.1:1");
        close();
        boot(ConfigLoader.fromTree(cut, dataDir));
    }

    @Override
    public void close() {
        service.close();
        hw.close();
    }
}
