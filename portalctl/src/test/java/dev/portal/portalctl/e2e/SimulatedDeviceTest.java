package dev.portal.portalctl.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portal.device.app.DeviceService;
import dev.portal.device.app.PortalAssembly;
import dev.portal.device.sim.SimulatedHardware;
import dev.portal.device.config.ConfigLoader;
import dev.portal.device.config.DeviceConfig;
import dev.portal.device.frame.BootClock;
import dev.portal.device.sim.SimConsole;
import dev.portal.device.sim.ToyCatalogue;
import dev.portal.protocol.frame.AntennaGain;
import dev.portal.protocol.toy.FleetKey;
import dev.portal.testsupport.Await;
import dev.portal.testsupport.MosquittoExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
    /** The toy key: the simulated factory makes the sample toys with it, and the host side judges them with it. */
    static final String KEY = "5e1f00d5".repeat(8);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    SimulatedHardware hw;
    DeviceService service;
    SimConsole console;
    String toyKey;

    @BeforeEach
    void start() throws Exception {
        toyKey = Files.writeString(dir.resolve("toy.key"), KEY + "\n").toString();
        ObjectNode root = new ObjectMapper().createObjectNode();
        root.put("deviceId", "sim-9").put("stateDirectory", dir.resolve("state").toString());
        root.putObject("mqtt").put("uri", MOSQUITTO.uri());
        root.putObject("outbox").put("directory", dir.resolve("outbox").toString());
        ArrayNode pads = root.putArray("pads");
        pads.addObject().put("chipSelect", 0);
        pads.addObject().put("chipSelect", 1);
        DeviceConfig config = ConfigLoader.fromTree(root, dir);
        hw = SimulatedHardware.open(2, 7);
        service = PortalAssembly.assemble(config, hw.readers(), hw.lights(),
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
    void statusAndWatchAgainstTheRealService() throws Exception {
        Cli.Run status = Cli.run("status", "sim-9", "--broker", MOSQUITTO.uri(), "--heartbeat-wait", "0");
        assertEquals(0, status.code(), status.toString());
        assertTrue(status.out().contains("Device        sim-9"), status.toString());
        assertTrue(status.out().contains("TOY_WRITE"), status.toString());
        assertTrue(status.out().contains("HOST_JUDGED"), status.toString());

        // No --count: the answer to the status command's Rebirth may still be on its way and is shown too.
        Cli.Running watch = Cli.start("watch", "sim-9", "--broker", MOSQUITTO.uri(), "--for", "25s",
                "--toy-key-file", toyKey);
        watch.waitForStderr("watching portal/sim-9/evt", Duration.ofSeconds(10));
        sim("place 0 dragon");
        Cli.Run w = watch.stopAfter("RECOGNISED", Duration.ofSeconds(20));
        assertTrue(w.out().contains("placed   pad 0"), w.toString());
        assertTrue(w.out().contains("areas    pad 0 slot 0 uid 04D7A9C1E25B80 NTAG213, A 64 bytes, B 64 bytes: RECOGNISED"
                + " type 101 variant 1 \"Ember\""), "the device reports bytes, the key on the host side judges: " + w);

    }

    @Test
    void watchShowsToysOfOtherLinesPlacedWithTheConsole() throws Exception {
        Cli.Running watch = Cli.start("watch", "sim-9", "--broker", MOSQUITTO.uri(), "--for", "25s");
        Cli.Running json = Cli.start("watch", "sim-9", "--broker", MOSQUITTO.uri(), "--for", "25s", "--json");
        watch.waitForStderr("watching portal/sim-9/evt", Duration.ofSeconds(10));
        json.waitForStderr("watching portal/sim-9/evt", Duration.ofSeconds(10));
        sim("place 0 spyro");
        sim("place 0 lego:1123@04aabbccddee01!");
        Cli.Run w = watch.stopAfter("FAILS ITS CHECK", Duration.ofSeconds(20));
        assertTrue(w.out().contains("toy      pad 0 slot 0 uid 7457CAA9 FOREIGN skylanders figure character 0x01c3"
                + " variant 0x3000"), w.toString());
        assertTrue(w.out().contains("uid 04AABBCCDDEE01 FOREIGN lego_dimensions FAILS ITS CHECK"), w.toString());
        Cli.Run j = json.stopAfter("\"failed\"", Duration.ofSeconds(20));
        assertTrue(j.out().contains("\"foreign\":{\"line\":\"skylanders\",\"check\":\"passed\",\"form\":\"figure\","
                + "\"characterId\":451,\"variant\":12288,\"series\":0}"), j.toString());
    }

    @Test
    void configSetShowsDesiredAndReportedAndARefusedChangeLeavesTheShadowAsItWas() throws Exception {
        Cli.Run set = Cli.run("config", "set", "sim-9", "--broker", MOSQUITTO.uri(), "pollHz=25", "heartbeatSeconds=10");
        assertEquals(0, set.code(), set.toString());
        assertTrue(set.out().contains("desired v1, reported v1  (in sync)"), set.toString());
        assertTrue(set.out().matches("(?s).*pollHz\\s+25\\s+25\\s+in sync.*"), set.toString());
        assertTrue(set.out().matches("(?s).*removalMissThreshold\\s+-\\s+3\\s+in sync.*"),
                "every value in force comes from the portal's config report, also keys nobody set: " + set);
        assertEquals(25, service.runtime().pollHz());

        Cli.Run bad = Cli.run("config", "set", "sim-9", "--broker", MOSQUITTO.uri(), "pollHz=5000");
        assertEquals(1, bad.code(), bad.toString());
        assertTrue(bad.out().contains("portal answered REJECTED"), bad.toString());
        Cli.Run unknown = Cli.run("config", "set", "sim-9", "--broker", MOSQUITTO.uri(), "volume=loud");
        assertEquals(1, unknown.code(), unknown.toString());

        JsonNode got = JSON.readTree(Cli.run("config", "get", "sim-9", "--broker", MOSQUITTO.uri(), "--json").out());
        assertEquals(1, got.get("desired").get("version").asInt());
        assertEquals(1, got.get("reported").get("version").asInt());
        assertEquals("25", got.get("desired").get("entries").get("pollHz").asText());
        assertEquals("10", got.get("reported").get("entries").get("heartbeatSeconds").asText());
        assertTrue(got.get("desired").get("entries").get("volume") == null, got.toString());
        assertTrue(got.get("desired").get("entries").get("pollHz").asText().equals("25"), "5000 was taken back out: " + got);
        assertTrue(got.get("inSync").asBoolean(), got.toString());

        Cli.Run usage = Cli.run("config", "set", "sim-9", "--broker", MOSQUITTO.uri(), "novalue");
        assertEquals(2, usage.code(), usage.toString());
    }

    @Test
    void calibratePrintsTheSweepTheDeviceReportsAndTheCalibrationItThenAnnounces() throws Exception {
        sim("place 1 dragon");
        Await.until("the portal to see the reference toy", () -> service.slots().present() == 1, Duration.ofSeconds(10));
        Cli.Run json = Cli.run("calibrate", "sim-9", "--broker", MOSQUITTO.uri(), "--pad", "1", "--timeout", "20s", "--json");
        assertEquals(0, json.code(), json.toString());
        JsonNode pad = JSON.readTree(json.out()).get("pads").get(0);
        assertEquals("OK", pad.get("status").asText(), json.toString());
        List<Integer> swept = new ArrayList<>();
        pad.get("rates").forEach(r -> swept.add(r.get("gainDb").asInt()));
        assertEquals(AntennaGain.STEPS.stream().map(AntennaGain::decibels).toList(), swept, "every step, in order");
        assertEquals(pad.get("reported"), pad.get("applied"), "what the sweep applied is what the Birth announces");
        int applied = pad.get("applied").get("antennaGainDb").asInt();

        Cli.Run text = Cli.run("calibrate", "sim-9", "--broker", MOSQUITTO.uri(), "--pad", "1", "--timeout", "20s",
                "--removal-after", "5");
        assertEquals(0, text.code(), text.toString());
        assertTrue(text.out().contains("pad 1: OK"), text.toString());
        assertTrue(text.out().matches("(?s).*\\s" + applied + " dB\\s+100%\\s+#{20}\\s+<- applied.*"), text.toString());
        assertTrue(text.out().contains("portal reports pad 1: " + applied + " dB, removal after 5 misses"), text.toString());
        assertFalse(text.out().contains("does NOT match"), text.toString());

        Cli.Run given = Cli.run("calibrate", "sim-9", "--broker", MOSQUITTO.uri(), "--pad", "0", "--gain", "43");
        assertEquals(0, given.code(), given.toString());
        assertFalse(given.out().contains("gain    success"), "no sweep, no table: " + given);
        assertTrue(given.out().contains("portal reports pad 0: 43 dB, removal after 3 misses"), given.toString());
        Cli.Run status = Cli.run("status", "sim-9", "--broker", MOSQUITTO.uri(), "--heartbeat-wait", "0");
        assertTrue(java.util.regex.Pattern.compile("(?m)^\\s+0\\s+\\d+\\s.*\\s43 dB  3 misses$").matcher(status.out()).find(),
                status.toString());

        Cli.Run noToy = Cli.run("calibrate", "sim-9", "--broker", MOSQUITTO.uri(), "--pad", "0", "--timeout", "20s");
        assertEquals(1, noToy.code(), noToy.toString());
        assertTrue(noToy.out().contains("pad 0: REJECTED"), noToy.toString());
        assertTrue(noToy.out().contains("calibration unchanged"), noToy.toString());

        Cli.Run noPad = Cli.run("calibrate", "sim-9", "--broker", MOSQUITTO.uri(), "--pad", "9");
        assertEquals(1, noPad.code(), noPad.toString());
        assertTrue(noPad.err().contains("sim-9 has no pad 9"), noPad.toString());
    }

    @Test
    void provisionAndCalibrateAgainstTheRealService() throws Exception {
        Cli.Running run = Cli.start("provision", "sim-9", "--broker", MOSQUITTO.uri(), "--toy", "77", "--variant", "2",
                "--count", "1", "--idle-timeout", "15s", "--toy-key-file", toyKey, "--no-web-code");
        run.waitForOutput("lay 1 blank tag(s)", Duration.ofSeconds(10));
        sim("place 1 wizard");
        run.waitForOutput("refused", Duration.ofSeconds(15));
        sim("remove wizard");
        sim("place 1 blank");
        Cli.Run r = run.await(Duration.ofSeconds(30));
        assertTrue(r.out().contains("summary: written 1 of 1, refused 1, failed 0"), r.toString());
        assertEquals(4, r.code(), r.toString());
        Await.until("the pad to show the host's verdict on the written toy",
                () -> hw.lights().describe(1).startsWith("RECOGNISED"), Duration.ofSeconds(10));

        Cli.Run cal = Cli.run("calibrate", "sim-9", "--broker", MOSQUITTO.uri(), "--pad", "1", "--timeout", "20s");
        assertEquals(0, cal.code(), cal.toString());
        assertTrue(cal.out().contains("<- applied"), cal.toString());
        assertTrue(cal.out().contains("portal reports pad 1:"), cal.toString());
    }
}
