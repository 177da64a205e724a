package dev.portal.system.portal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portal.device.app.DeviceService;
import dev.portal.device.app.PortalAssembly;
import dev.portal.device.sim.SimulatedHardware;
import dev.portal.device.config.ConfigLoader;
import dev.portal.device.config.DeviceConfig;
import dev.portal.device.config.ReaderChip;
import dev.portal.device.sim.SimulatedPortal;
import dev.portal.device.frame.BootClock;
import dev.portal.hardware.sim.rf.FaultInjector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A simulated portal for the chaos run, as its own process: the device service on chip models (through the
 * real MFRC522 driver, or with {@code --chip pn532} PN532 models on socat pty pairs through the real UART
 * driver), whose pads follow a world file the player writes, with flaky RF. Started again after
 * a kill -9 with the same data directory: the outbox and session survive, the world is reloaded from the file.
 * Prints "ready" on standard output once the service runs.
 *
 * <p>Arguments: {@code --id ID --broker URI --data DIR --world FILE [--pads N] [--max-toys N] [--poll-hz N]
 * [--missed P] [--bit-errors P] [--seed N] [--chip mfrc522|pn532] [--bus uart|i2c]} (the PN532's bus).
 */
public final class ChaosPortalMain {
    private static final Logger LOG = LoggerFactory.getLogger(ChaosPortalMain.class);

    private ChaosPortalMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = options(args);
        Path data = Path.of(need(a, "--data")).toAbsolutePath();
        Files.createDirectories(data);
        int pads = Integer.parseInt(a.getOrDefault("--pads", "4"));
        DeviceConfig config = ConfigLoader.fromTree(config(a, data, pads), data);
        long seed = Long.parseLong(a.getOrDefault("--seed", "1")) ^ System.nanoTime();
        SimulatedHardware hw = SimulatedHardware.forPads(config.pads(), seed);
        double missed = Double.parseDouble(a.getOrDefault("--missed", "0"));
        double bits = Double.parseDouble(a.getOrDefault("--bit-errors", "0"));
        for (int i = 0; i < pads; i++) {
            FaultInjector faults = hw.portal().pad(i).faults();
            faults.missedAnswers(missed).bitErrors(bits);
        }
        WorldFollower follower = new WorldFollower(Path.of(need(a, "--world")), hw.portal());
        follower.run(); // the toys that lay on the pads when the portal went down are still there
        DeviceService service = PortalAssembly.assemble(config, hw.readers(), hw.lights(),
                new BootClock(true), () -> System.exit(75));
        ScheduledExecutorService world = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "world");
            t.setDaemon(true);
            return t;
        });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            world.shutdownNow();
            service.close();
            hw.close();
        }, "shutdown"));
        service.start();
        world.scheduleWithFixedDelay(follower, 5, 5, TimeUnit.MILLISECONDS);
        LOG.info("chaos portal {} boot {} ready", config.deviceId(), String.format("%08x", service.bootId()));
        System.out.println("ready " + config.deviceId());
        System.out.flush();
        Thread.currentThread().join(); // runs until killed
    }

    private static ObjectNode config(Map<String, String> a, Path data, int pads) {
        ObjectNode root = new ObjectMapper().createObjectNode();
        root.put("deviceId", need(a, "--id")).put("stateDirectory", data.resolve("state").toString());
        root.put("pollHz", Integer.parseInt(a.getOrDefault("--poll-hz", "25")));
        root.put("heartbeatSeconds", 5);
        root.put("maxToys", Integer.parseInt(a.getOrDefault("--max-toys", "64")));
        root.putObject("mqtt").put("uri", need(a, "--broker")).put("backoffMinMillis", 100)
                .put("backoffMaxMillis", 1000).put("keepAliveSeconds", 5).put("connectTimeoutSeconds", 3);
        root.putObject("outbox").put("directory", data.resolve("outbox").toString());
        ArrayNode list = root.putArray("pads");
        String chipName = a.getOrDefault("--chip", "mfrc522");
        ReaderChip chip = ReaderChip.byName(chipName).orElseThrow(
                () -> new IllegalArgumentException("--chip must be mfrc522 or pn532, not '" + chipName + "'"));
        boolean i2c = a.getOrDefault("--bus", "uart").equals("i2c");
        for (int i = 0; i < pads; i++) {
            if (chip == ReaderChip.PN532 && i2c) { // a bus of its own per pad: every PN532 board answers at 0x24
                list.addObject().putObject("reader").put("chip", "pn532").put("bus", "i2c").put("i2cBus", 1 + i);
            } else {
                SimulatedPortal.addPad(list, i, chip);
            }
        }
        return root;
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected an option, not '" + args[i] + "'");
            }
            out.put(args[i], args[i + 1]);
        }
        return out;
    }

    static String need(Map<String, String> a, String key) {
        String v = a.get(key);
        if (v == null) {
            throw new IllegalArgumentException(key + " is required");
        }
        return v;
    }
}
