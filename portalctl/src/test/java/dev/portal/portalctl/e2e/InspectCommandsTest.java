package dev.portal.portalctl.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portal.portalctl.testing.FakePortal;
import dev.portal.protocol.id.Uid;
import dev.portal.protocol.toy.CoCreation;
import dev.portal.protocol.toy.Colours;
import dev.portal.protocol.toy.ToyRecord;
import dev.portal.protocol.toy.ToyVerdict;
import dev.portal.protocol.toy.Upgrades;
import dev.portal.testsupport.MosquittoExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** devices, status and watch against a portal on a real Mosquitto. */
class InspectCommandsTest {
    @RegisterExtension
    static final MosquittoExtension MOSQUITTO = new MosquittoExtension();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    FakePortal portal;
    final ScheduledExecutorService beats = Executors.newSingleThreadScheduledExecutor();

    @BeforeEach
    void start() throws Exception {
        portal = new FakePortal(MOSQUITTO.uri(), "shop-7", dir, null, Duration.ofSeconds(5)).start();
    }

    @AfterEach
    void stop() {
        beats.shutdownNow();
        portal.close();
    }

    @Test
    void devicesListsTheRetainedStatusOfEveryPortal() throws Exception {
        Cli.Run text = Cli.run("devices", "--broker", MOSQUITTO.uri(), "--wait", "500ms");
        assertEquals(0, text.code(), text.toString());
        assertTrue(text.out().matches("(?s).*shop-7\\s+online\\s+[0-9a-f]{8}.*"), text.toString());

        Cli.Run json = Cli.run("devices", "--broker", MOSQUITTO.uri(), "--wait", "500ms", "--json");
        JsonNode rows = JSON.readTree(json.out());
        boolean found = false;
        for (JsonNode r : rows) {
            found |= r.get("deviceId").asText().equals("shop-7") && r.get("state").asText().equals("online");
        }
        assertTrue(found, json.toString());
    }

    @Test
    void statusShowsTheBirthAndTheHealthOfALiveHeartbeat() throws Exception {
        beats.scheduleAtFixedRate(portal::heartbeat, 200, 200, TimeUnit.MILLISECONDS);
        Cli.Run r = Cli.run("status", "shop-7", "--broker", MOSQUITTO.uri(), "--heartbeat-wait", "3s");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("Firmware      1.0.0"), r.toString());
        assertTrue(r.out().contains("MFRC522 v2.0 (fake)"), r.toString());
        assertTrue(r.out().matches("(?s).*\\s0\\s+1\\s+MFRC522 v2.0 \\(fake\\)\\s+38 dB\\s+3 misses.*"), r.toString());
        assertTrue(r.out().contains("uptimeSeconds      42"), r.toString());

        JsonNode j = JSON.readTree(Cli.run("status", "shop-7", "--broker", MOSQUITTO.uri(), "--json").out());
        assertEquals("shop-7", j.get("deviceId").asText());
        assertEquals(20.0, j.get("health").get("pollsPerSecond").asDouble());
        assertEquals(38, j.get("calibration").get(1).get("antennaGainDb").asInt());
    }

    @Test
    void statusOfAPortalThatDoesNotAnswerExitsWith3() {
        Cli.Run r = Cli.run("status", "nobody-here", "--broker", MOSQUITTO.uri(), "--timeout", "1s");
        assertEquals(3, r.code(), r.toString());
        assertTrue(r.err().contains("nobody-here sent no Birth within 1 s"), r.toString());

        try (var c = dev.portal.portalctl.link.Broker.connect(options())) {
            dev.portal.portalctl.link.Broker.publish(c, dev.portal.link.Topic.of("portal/ghost-1/status"),
                    "{\"state\":\"offline\",\"deviceId\":\"ghost-1\",\"bootId\":\"0000beef\"}"
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8), true, java.time.Duration.ofSeconds(10));
        }
        Cli.Run offline = Cli.run("status", "ghost-1", "--broker", MOSQUITTO.uri(), "--timeout", "30s");
        assertEquals(3, offline.code(), offline.toString());
        assertTrue(offline.err().contains("ghost-1 is offline (its last connection, boot 0000beef"), offline.toString());

        Cli.Run noBroker = Cli.run("status", "shop-7", "--broker", "tcp://127.0.0.1:1", "--timeout", "1s");
        assertEquals(3, noBroker.code(), noBroker.toString());
    }

    private static dev.portal.portalctl.cli.BrokerOptions options() {
        dev.portal.portalctl.cli.BrokerOptions o = new dev.portal.portalctl.cli.BrokerOptions();
        o.broker = MOSQUITTO.uri();
        o.timeout = Duration.ofSeconds(5);
        return o;
    }

    @Test
    void watchPrintsOneReadableLineOrOneJsonObjectPerEvent() throws Exception {
        String key = FakePortal.writeToyKey(dir).toString();
        Cli.Running text = Cli.start("watch", "shop-7", "--broker", MOSQUITTO.uri(), "--count", "2", "--for", "20s");
        Cli.Running json = Cli.start("watch", "--broker", MOSQUITTO.uri(), "--count", "2", "--for", "20s", "--json",
                "--toy-key-file", key);
        text.waitForStderr("watching portal/shop-7/evt", Duration.ofSeconds(10));
        json.waitForStderr("watching portal/+/evt", Duration.ofSeconds(10));
        portal.place(0, new FakePortal.Tag(Uid.parse("04A1B2C3D4E5F6"), ToyVerdict.BLANK, Optional.empty()));

        Cli.Run t = text.await(Duration.ofSeconds(20));
        assertEquals(0, t.code(), t.toString());
        String[] lines = t.out().strip().split("\n");
        assertEquals(2, lines.length, t.toString());
        assertTrue(lines[0].matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} shop-7 #\\d+ placed   pad 0 slot 0 uid 04A1B2C3D4E5F6 NTAG215"), lines[0]);
        assertTrue(lines[1].endsWith("areas    pad 0 slot 0 uid 04A1B2C3D4E5F6 NTAG215, A 64 bytes, B 64 bytes"),
                "without the toy key, bytes only: " + lines[1]);

        Cli.Run j = json.await(Duration.ofSeconds(20));
        String[] objects = j.out().strip().split("\n");
        assertEquals(2, objects.length, j.toString());
        JsonNode first = JSON.readTree(objects[0]);
        assertEquals("shop-7", first.get("deviceId").asText());
        assertTrue(first.toString().contains("04A1B2C3D4E5F6".toLowerCase()) || first.toString().contains("04A1B2C3D4E5F6"), first.toString());
        JsonNode areas = JSON.readTree(objects[1]);
        assertEquals("toy_areas", areas.get("type").asText(), areas.toString());
        assertEquals("blank", areas.get("judged").get("verdict").asText(), "judged with --toy-key-file: " + areas);
    }

    @Test
    void watchWithTheToyKeyShowsTheVerdictAndRecordAndABadKeyFileIsAUsageError() throws Exception {
        Cli.Run bad = Cli.run("watch", "--broker", MOSQUITTO.uri(), "--toy-key-file", dir.resolve("none.key").toString());
        assertEquals(2, bad.code(), bad.toString());
        assertTrue(bad.err().contains("none.key"), bad.toString());
        Cli.Running text = Cli.start("watch", "shop-7", "--broker", MOSQUITTO.uri(), "--count", "2", "--for", "20s",
                "--toy-key-file", FakePortal.writeToyKey(dir).toString());
        text.waitForStderr("watching portal/shop-7/evt", Duration.ofSeconds(10));
        portal.place(1, new FakePortal.Tag(Uid.parse("04A1B2C3D4E5F7"), ToyVerdict.RECOGNISED, Optional.of(
                new ToyRecord(9, 2, new CoCreation("Sparky", new Colours(1, 2, 3), Upgrades.NONE, 700, 4)))));
        Cli.Run t = text.await(Duration.ofSeconds(20));
        assertTrue(t.out().contains("areas    pad 1 slot 0 uid 04A1B2C3D4E5F7 NTAG215, A 64 bytes, B 64 bytes: RECOGNISED"
                + " type 9 variant 2 \"Sparky\" level 4 xp 700"), t.toString());
    }
}
