package dev.portal.device.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portal.device.app.DeviceService;
import dev.portal.device.app.PortalAssembly;
import dev.portal.device.config.ConfigException;
import dev.portal.device.config.ConfigLoader;
import dev.portal.device.config.DeviceConfig;
import dev.portal.device.config.ReaderChip;
import dev.portal.device.config.SerialConfig;
import dev.portal.device.firmware.Ed25519Keys;
import dev.portal.device.frame.BootClock;
import dev.portal.protocol.toy.FleetKey;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Optional;

/**
 * The real portal service running on chip models, with the console that puts toys on its pads: what
 * {@code scripts/portal-device --simulate} starts, and what the demo starts in its own process, so both show a
 * person the same portal and the same console words.
 */
public final class SimulatedPortal implements AutoCloseable {
    /**
     * The toy key the simulated toy factory signs the sample toys with, unless told another. Public on purpose:
     * it protects nothing real. The portal service never sees it (a portal holds no toy key); a host bridge
     * judging the samples needs it ({@link #TOY_KEY_FILE}).
     */
    public static final String SIMULATION_KEY = "5e1f00d5".repeat(8);
    /** Where {@link #config} leaves {@link #SIMULATION_KEY} in the data folder, for the host side to read. */
    public static final String TOY_KEY_FILE = "simulation-toy.key";
    /** A technician key's public half here opens the simulator's serial console to tokens it signed. */
    public static final String TECHNICIAN_KEY_FILE = "technician.pub";

    private final SimulatedHardware hardware;
    private final DeviceService service;
    private final ToyCatalogue catalogue;
    private final SimConsole console;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private SimulatedPortal(SimulatedHardware hardware, DeviceService service, ToyCatalogue catalogue,
                            PrintStream out) {
        this.hardware = hardware;
        this.service = service;
        this.catalogue = catalogue;
        this.console = new SimConsole(hardware.portal(), catalogue, service, out);
    }

    /**
     * Starts the service on {@code config}'s pads; the sample toys are made signed with {@code factoryKey}, which
     * stays with the catalogue (the factory) and never reaches the service. {@code reboot}
     * is what the Reboot command does (the process launcher restarts a stand-alone simulator).
     */
    public static SimulatedPortal start(DeviceConfig config, FleetKey factoryKey, Runnable reboot, PrintStream out)
            throws IOException {
        SimulatedHardware hw = SimulatedHardware.forPads(config.pads(), System.nanoTime());
        DeviceService service = PortalAssembly.assemble(config, hw.readers(), hw.lights(), new BootClock(true), reboot);
        service.start();
        return new SimulatedPortal(hw, service, new ToyCatalogue(factoryKey), out);
    }

    /** As {@link #config(Path, String, int, ReaderChip)} with MFRC522 readers. */
    public static DeviceConfig config(Path data, String brokerUri, int pads) throws ConfigException, IOException {
        return config(data, brokerUri, pads, ReaderChip.MFRC522);
    }

    /**
     * The configuration of a simulator without a config file: device {@code sim-portal}, {@code pads} pads with
     * {@code chip} readers (MFRC522 on SPI, PN532 on a UART), the broker at {@code brokerUri}, outbox and state
     * under {@code data}; {@link #SIMULATION_KEY} is left there in {@link #TOY_KEY_FILE} for a host bridge (the
     * service does not read it).
     */
    public static DeviceConfig config(Path data, String brokerUri, int pads, ReaderChip chip)
            throws ConfigException, IOException {
        Path dir = data.toAbsolutePath();
        Files.createDirectories(dir);
        Path key = dir.resolve(TOY_KEY_FILE);
        if (!Files.exists(key)) {
            Files.writeString(key, SIMULATION_KEY + "\n");
        }
        ObjectNode root = new ObjectMapper().createObjectNode();
        root.put("deviceId", "sim-portal").put("dataDirectory", dir.toString())
                .put("stateDirectory", dir.resolve("state").toString());
        Path firmwareKey = dir.resolve("firmware.pub");
        if (Files.exists(firmwareKey)) { // a technician trying 'portalctl firmware push' puts the fleet's key here
            root.putObject("firmware").put("publicKeyFile", firmwareKey.toString());
        }
        root.putObject("mqtt").put("uri", brokerUri);
        root.putObject("outbox").put("directory", dir.resolve("outbox").toString());
        ArrayNode padList = root.putArray("pads");
        for (int i = 0; i < pads; i++) {
            addPad(padList, i, chip);
        }
        return ConfigLoader.fromTree(root, dir);
    }

    /**
     * Adds pad {@code pad} with a {@code chip} reader to a portal.json pad list: an MFRC522 on chip select
     * {@code pad}, or a PN532 on a UART (the simulated hardware gives it a pty pair of its own in place of the
     * port named here).
     */
    public static void addPad(ArrayNode pads, int pad, ReaderChip chip) {
        if (chip == ReaderChip.PN532) {
            pads.addObject().putObject("reader").put("chip", "pn532").put("bus", "uart").put("port", "sim-pn532-pad-" + pad);
        } else {
            pads.addObject().put("chipSelect", pad);
        }
    }

    /**
     * The simulator's {@code --serial PORT} console: the baud and technician key of {@code config}'s serial
     * section, else the key in {@code <data>/technician.pub} (where a technician trying {@code portalctl serial
     * --token} puts the public half of {@code portalctl token keygen}); without either the cable is read-only.
     */
    public static SerialConfig serialConsole(String port, DeviceConfig config) throws IOException {
        int baud = config.serial().map(SerialConfig::baud).orElse(SerialConfig.DEFAULT_BAUD);
        Optional<PublicKey> key = config.serial().flatMap(SerialConfig::technicianKey);
        Path pub = config.dataDirectory().resolve(TECHNICIAN_KEY_FILE);
        if (key.isEmpty() && Files.exists(pub)) {
            key = Optional.of(Ed25519Keys.readPublic(pub));
        }
        return new SerialConfig(port, baud, key);
    }

    /** The key the simulated factory signs the sample toys with: the one in {@code toyKeyFile}, else {@link #SIMULATION_KEY}. */
    public static FleetKey factoryKey(Optional<Path> toyKeyFile) throws IOException {
        return toyKeyFile.isPresent() ? FleetKey.fromFile(toyKeyFile.get()) : FleetKey.fromHex(SIMULATION_KEY);
    }

    public SimConsole console() {
        return console;
    }

    public ToyCatalogue catalogue() {
        return catalogue;
    }

    public DeviceService service() {
        return service;
    }

    /** Waits until the outbox is empty (every frame acknowledged by the broker) or the timeout passes. */
    public boolean awaitDelivered(long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (service.outbox().stats().depth() > 0) {
            if (System.currentTimeMillis() >= deadline) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) { // by the console's end, and again by the shutdown hook
            service.close();
            hardware.close();
        }
    }
}
