package dev.portal.portalctl.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portal.device.app.DeviceService;
import dev.portal.device.sim.SimulatedHardware;
import dev.portal.device.config.ConfigLoader;
import dev.portal.device.config.DeviceConfig;
import dev.portal.device.frame.BootClock;
import dev.portal.device.sim.SimConsole;
import dev.portal.device.sim.ToyCatalogue;
import dev.portal.protocol.toy.FleetKey;
import dev.portal.testsupport.Await;
import dev.portal.testsupport.MosquittoExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * portalctl against the real device service in simulate mode (chip models behind the real MFRC522 driver, the
 * real command service, outbox and MQTT link), in this JVM, on a real Mosquitto.
 */
class SimulatedDeviceTest {
    @RegisterExtension
    static final MosquittoExtension MOSQUITTO = new MosquittoExtension();
    static final String KEY = "5e1f00d5".repeat(8);

    @TempDir
    Path dir;
    SimulatedHardware hw;
    DeviceService service;
    SimConsole console;

    @BeforeEach
    void start() throws Exception {
        Files.writeString(dir.resolve("fleet.key"), KEY + "\n");
        ObjectNode root = new ObjectMapper().createObjectNode();
        root.put("deviceId", "sim-9").put("fleetKeyFile", dir.resolve("fleet.key").toString())
                .put("stateDirectory", dir.resolve("state").toString());
        root.putObject("mqtt").put("uri", MOSQUITTO.uri());
        root.putObject("outbox").put("directory", dir.resolve("outbox").toString());
        ArrayNode pads = root.putArray("pads");
        pads.addObject().put("chipSelect", 0);
        pads.addObject().put("chipSelect", 1);
        DeviceConfig config = ConfigLoader.fromTree(root, dir);
        hw = SimulatedHardware.open(2, 7);
        service = new DeviceService(config, hw.readers(), hw.lights(),
                new BootClock(true), () -> { });
        service.start();
        awaitOnline(service);
        console = new SimConsole(hw.portal(), new ToyCatalogue(FleetKey.fromHex(KEY)), service,
                new PrintStream(new ByteArrayOutputStream()));
    }

    /** The broker holds the previous test's "offline" for this id until the new session says "online". */
    static void awaitOnline(DeviceService service) {
        Await.until(() -> "the device to connect: " + service.deliveryStats(),
                () -> service.deliveryStats().connects() >= 1, Duration.ofSeconds(15));
    }

    @AfterEach
    void stop() {
        service.close();
        hw.close();
    }

    private void sim(String line) throws InterruptedException {
        console.execute(line.split(" "));
    }

    @Test
    void statusWatchAndConfigAgainstTheRealService() throws Exception {
        Cli.Run status = Cli.run("status", "sim-9", "--broker", MOSQUITTO.uri(), "--heartbeat-wait", "0");
        assertEquals(0, status.code(), status.toString());
        assertTrue(status.out().contains("Device        sim-9"), status.toString());
        assertTrue(status.out().contains("TOY_WRITE"), status.toString());

        Cli.Running watch = Cli.start("watch", "sim-9", "--broker", MOSQUITTO.uri(), "--count", "2", "--for", "20s");
        watch.waitForStderr("watching portal/sim-9/evt", Duration.ofSeconds(10));
        sim("place 0 dragon");
        Cli.Run w = watch.await(Duration.ofSeconds(25));
        assertTrue(w.out().contains("placed   pad 0"), w.toString());
        assertTrue(w.out().contains("RECOGNISED type 101 variant 1 \"Ember\""), w.toString());

        Cli.Run set = Cli.run("config", "set", "sim-9", "--broker", MOSQUITTO.uri(), "pollHz=25");
        assertEquals(0, set.code(), set.toString());
        assertTrue(set.out().matches("(?s).*pollHz\\s+25\\s+25\\s+in sync.*"), set.toString());
        Cli.Run bad = Cli.run("config", "set", "sim-9", "--broker", MOSQUITTO.uri(), "pollHz=5000");
        assertEquals(1, bad.code(), bad.toString());
        assertTrue(bad.out().contains("REJECTED"), bad.toString());
    }

    @Test
    void provisionAndCalibrateAgainstTheRealService() throws Exception {
        Cli.Running run = Cli.start("provision", "sim-9", "--broker", MOSQUITTO.uri(), "--toy", "77", "--variant", "2",
                "--count", "1", "--idle-timeout", "15s");
        run.waitForOutput("lay 1 blank tag(s)", Duration.ofSeconds(10));
        sim("place 1 wizard");
        run.waitForOutput("refused", Duration.ofSeconds(15));
        sim("remove wizard");
        sim("place 1 blank");
        Cli.Run r = run.await(Duration.ofSeconds(30));
        assertTrue(r.out().contains("summary: written 1 of 1, refused 1, failed 0"), r.toString());
        assertEquals(4, r.code(), r.toString());

        Cli.Run cal = Cli.run("calibrate", "sim-9", "--broker", MOSQUITTO.uri(), "--pad", "1", "--timeout", "20s");
        assertEquals(0, cal.code(), cal.toString());
        assertTrue(cal.out().contains("<- applied"), cal.toString());
        assertTrue(cal.out().contains("portal reports pad 1:"), cal.toString());
    }
}
