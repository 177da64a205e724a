package dev.portal.device;

import dev.portal.device.app.DeviceService;
import dev.portal.device.app.PiHardware;
import dev.portal.device.app.PortalAssembly;
import dev.portal.device.app.PortalHardware;
import dev.portal.device.config.ConfigException;
import dev.portal.device.config.ConfigLoader;
import dev.portal.device.config.DeviceConfig;
import dev.portal.device.config.ReaderChip;
import dev.portal.device.firmware.FirmwareBoot;
import dev.portal.device.frame.BootClock;
import dev.portal.device.metrics.DeviceMetrics;
import dev.portal.device.sim.ChipModels;
import dev.portal.device.sim.SimConsole;
import dev.portal.device.sim.SimulatedPortal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Entry point of {@code scripts/portal-device}. Exit codes: 0 done, 1 stopped by an error (or a simulator script
 * line failed), 2 bad arguments or config, 75 reboot.
 */
public final class DeviceMain {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceMain.class);
    /** Exit code asking systemd (Restart=on-failure) to start the service again: the Reboot command. */
    public static final int EXIT_REBOOT = 75;

    private DeviceMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        if (java.util.Arrays.asList(args).contains("--boot-jar")) {
            return bootJar(args);
        }
        Arguments a;
        try {
            a = Arguments.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("portal-device: " + e.getMessage());
            System.err.println(Arguments.USAGE);
            return 2;
        }
        if (a.help()) {
            System.out.println(Arguments.USAGE);
            return 0;
        }
        if (a.simulate() && !ChipModels.onClassPath()) {
            System.err.println("portal-device: " + ChipModels.MISSING);
            return 2;
        }
        DeviceConfig config;
        try {
            config = a.simulate() && a.config().isEmpty() ? simulationConfig(a) : ConfigLoader.load(a.config().get());
            if (a.simulate() && a.serial().isPresent()) {
                config = config.withSerial(SimulatedPortal.serialConsole(a.serial().get(), config));
            }
        } catch (ConfigException e) {
            for (String p : e.problems()) {
                System.err.println("portal-device: config: " + p);
            }
            return 2;
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("portal-device: " + e.getMessage());
            return 2;
        }
        try {
            return a.simulate() ? simulate(a, config) : production(config, a.metricsPort());
        } catch (Exception e) {
            LOG.error("portal-device stopped: {}", e.toString(), e);
            return 1;
        }
    }

    /**
     * The launcher's first step (scripts/portal-device, the unit install-pi writes): finds the firmware folder
     * from the same arguments and configuration as the service, and lets {@link FirmwareBoot} print the jar to
     * start. Arguments or a config it cannot read print nothing, so the factory jar starts and reports them.
     */
    static int bootJar(String[] args) {
        try {
            String[] rest = java.util.Arrays.stream(args).filter(x -> !x.equals("--boot-jar")).toArray(String[]::new);
            Arguments a = Arguments.parse(rest);
            if (a.help()) {
                return 0;
            }
            DeviceConfig config = a.simulate() && a.config().isEmpty() ? simulationConfig(a)
                    : ConfigLoader.load(a.config().get());
            FirmwareBoot.main(new String[] {config.firmware().directory().toString()});
        } catch (ConfigException | IOException | RuntimeException e) {
            System.err.println("portal-device --boot-jar: " + e.getMessage() + "; starting the installed jar");
        }
        return 0;
    }

    private static int production(DeviceConfig config, Optional<Integer> metricsPort) throws Exception {
        PortalHardware hw = PiHardware.open(config);
        DeviceService service = PortalAssembly.assemble(config, hw.readers(), hw.lights(),
                new BootClock(false), () -> exitForReboot(hw));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            hw.close();
        }, "shutdown"));
        service.start();
        serveMetrics(service, config, metricsPort);
        SystemdWatchdog watchdog = new SystemdWatchdog();
        watchdog.ready();
        watchdog.keepAliveWhile(() -> service.health().polls.get());
        return 0;
    }

    /** The portal's metrics page when asked for; it lives as long as the process. */
    private static void serveMetrics(DeviceService service, DeviceConfig config, Optional<Integer> port)
            throws IOException {
        if (port.isPresent()) {
            DeviceMetrics metrics = DeviceMetrics.serve(service, config.deviceId(), port.get());
            LOG.info("metrics on port {} (/metrics)", metrics.port());
        }
    }

    private static void exitForReboot(PortalHardware hw) {
        System.exit(EXIT_REBOOT); // the shutdown hook closes the service and the hardware
    }

    private static int simulate(Arguments a, DeviceConfig config) throws Exception {
        // the key only makes the sample toys (the factory's job); the host that judges them needs the same one
        SimulatedPortal sim = SimulatedPortal.start(config, SimulatedPortal.factoryKey(a.toyKeyFile()),
                () -> System.exit(EXIT_REBOOT), System.out);
        Runtime.getRuntime().addShutdownHook(new Thread(sim::close, "shutdown"));
        serveMetrics(sim.service(), config, a.metricsPort());
        SimConsole console = sim.console();
        int failures;
        if (a.script().isPresent()) {
            try (BufferedReader in = Files.newBufferedReader(a.script().get())) {
                failures = console.run(in, true);
            }
            sim.awaitDelivered(10_000); // lets the script's frames reach the broker before the process ends
        } else {
            System.out.println("portal simulator: " + config.pads().size() + " pads, device " + config.deviceId()
                    + ", broker " + config.mqtt().serverUri() + "; type help");
            failures = console.run(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), false);
        }
        // closed here, before System.exit: jSerialComm's own shutdown hook closes every serial port at exit, and
        // a PN532 pad still polling its pty then would report a dead bus on the way out
        sim.close();
        return failures == 0 ? 0 : 1;
    }

    private static DeviceConfig simulationConfig(Arguments a) throws ConfigException, IOException {
        return SimulatedPortal.config(a.dataDir().orElse(Path.of("var", "sim")), a.broker().orElse("tcp://127.0.0.1:1883"),
                a.pads(), a.chip().orElse(ReaderChip.MFRC522));
    }
}
