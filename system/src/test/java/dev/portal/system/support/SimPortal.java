package dev.portal.system.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portal.device.app.DeviceService;
import dev.portal.device.app.PortalAssembly;
import dev.portal.device.sim.SimulatedHardware;
import dev.portal.device.config.ConfigLoader;
import dev.portal.device.config.DeviceConfig;
import dev.portal.device.frame.BootClock;
import dev.portal.hardware.sim.rf.VirtualPortal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The real device service in this JVM on chip models (through the real MFRC522 driver), configured through
 * the same JSON a portal's config file holds, so the broker, TLS and credential options are the real ones.
 */
public final class SimPortal implements AutoCloseable {
    private final SimulatedHardware hardware;
    private final DeviceService service;

    private SimPortal(SimulatedHardware hardware, DeviceService service) {
        this.hardware = hardware;
        this.service = service;
    }

    /**
     * {@code mqtt} fills in the "mqtt" object of the configuration (uri at least). The portal holds no toy key
     * (protocol 1.1): whoever judges its toys is given the key instead.
     */
    public static SimPortal start(Path dir, String deviceId, Consumer<ObjectNode> mqtt) throws Exception {
        Files.createDirectories(dir);
        ObjectNode root = new ObjectMapper().createObjectNode();
        root.put("deviceId", deviceId).put("stateDirectory", dir.resolve("state").toString()).put("pollHz", 25);
        mqtt.accept(root.putObject("mqtt"));
        root.putObject("outbox").put("directory", dir.resolve("outbox").toString());
        root.putArray("pads").addObject().put("chipSelect", 0);
        DeviceConfig config = ConfigLoader.fromTree(root, dir);
        SimulatedHardware hw = SimulatedHardware.open(1, 42);
        DeviceService service = PortalAssembly.assemble(config, hw.readers(), hw.lights(),
                new BootClock(true), () -> { });
        service.start();
        return new SimPortal(hw, service);
    }

    public VirtualPortal pads() {
        return hardware.portal();
    }

    public DeviceService service() {
        return service;
    }

    @Override
    public void close() {
        service.close();
        hardware.close();
    }
}
