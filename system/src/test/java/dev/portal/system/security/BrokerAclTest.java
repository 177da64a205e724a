package dev.portal.system.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portal.bridge.app.Bridge;
import dev.portal.bridge.app.BridgeConfig;
import dev.portal.bridge.telemetry.Counter;
import dev.portal.portalctl.PortalCtl;
import dev.portal.protocol.frame.Command;
import dev.portal.protocol.frame.Frame;
import dev.portal.protocol.frame.FrameCodec;
import dev.portal.protocol.frame.Header;
import dev.portal.protocol.frame.Rebirth;
import dev.portal.system.support.Certificates;
import dev.portal.system.support.MqttProbe;
import dev.portal.system.support.PortalFrames;
import dev.portal.system.support.ShippedBroker;
import dev.portal.system.support.SimPortal;
import dev.portal.link.LinkException;
import dev.portal.testsupport.Await;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipped Mosquitto configuration (scripts/mosquitto: mosquitto.conf, acl, add-device): a device's
 * credentials cannot publish on another device's topic (the bridge never sees it), cannot read another
 * device's commands or frames, nor take over another device's session; the technician (portal-tech) watches,
 * commands and keeps the configuration shadow but is not the bridge; a game server only asks and reads; and
 * nobody gets in without credentials.
 */
class BrokerAclTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final byte[] SHADOW = "{\"desired\":{\"version\":1}}".getBytes(StandardCharsets.UTF_8);

    @Test
    void aDeviceCanOnlyUseItsOwnTopics(@TempDir Path dir) throws Exception {
        Certificates.make(dir.resolve("broker/certs")); // the shipped config has TLS listeners too
        List<String> users = List.of("dev-A", "dev-B", "portal-bridge", "game-server");
        try (ShippedBroker broker = ShippedBroker.start(dir.resolve("broker"), users);
             Bridge bridge = Bridge.start(BridgeConfig.defaults(broker.bridgeSettings("acl-bridge"),
                     dir.resolve("bridge")));
             MqttProbe a = broker.login("dev-A");
             MqttProbe b = broker.login("dev-B");
             MqttProbe host = broker.login("portal-bridge")) {
            assertThrows(LinkException.class, () -> MqttProbe.connect(broker.plainUri(), "anonymous"),
                    "no credentials, no entry");
            assertThrows(LinkException.class, () -> MqttProbe.connect(broker.plainUri(), "guesser", "dev-A",
                    "wrong", null), "a wrong password is refused");

            PortalFrames ownA = new PortalFrames("dev-A", 0xA0A0L);
            a.publishAndWait(ownA.evtTopic(), ownA.birth());
            // dev-A forges dev-B's Birth and a placement on dev-B's topic: the broker drops them.
            PortalFrames forged = new PortalFrames("dev-B", 0xBADL);
            a.publishAndWait(forged.evtTopic(), forged.birth());
            a.publishAndWait(forged.evtTopic(), forged.placed(0, 0, HexFormat.of().parseHex("04DEADBEEF0001")));
            a.publishAndWait("portal/dev-B/status", "{\"state\":\"offline\"}".getBytes());
            // A frame on its own topic after the forged ones: once the bridge has it, the others would have come.
            a.publishAndWait(ownA.evtTopic(), ownA.placed(0, 0, HexFormat.of().parseHex("04AAAA00000001")));
            Await.until(() -> "dev-A's two frames applied: " + bridge.counters().toJson(),
                    () -> bridge.counters().get(Counter.FRAMES_APPLIED) >= 2, Duration.ofSeconds(15));
            bridge.awaitIdle();
            assertEquals(2, bridge.counters().get(Counter.FRAMES_RECEIVED), "only dev-A's own frames reached the bridge: "
                    + bridge.counters().toJson());
            assertTrue(bridge.store().inTransaction(tx -> tx.portal("dev-B")).isEmpty(), "dev-B is unknown to the bridge");
            assertTrue(bridge.store().inTransaction(tx -> tx.placementOf("04DEADBEEF0001")).isEmpty());
            assertTrue(bridge.store().inTransaction(tx -> tx.placementOf("04AAAA00000001")).isPresent());

            // dev-A tries to read dev-B's commands and frames; dev-B reads its own commands.
            b.subscribe("portal/dev-B/cmd");
            try {
                a.subscribe("portal/dev-B/cmd");
                a.subscribe("portal/+/evt");
            } catch (LinkException refused) {
                // a broker may refuse the subscription outright; either way nothing may arrive
            }
            host.publishAndWait("portal/dev-B/cmd", rebirth());
            PortalFrames realB = new PortalFrames("dev-B", 0xB0B0L);
            b.publishAndWait(realB.evtTopic(), realB.birth());
            assertTrue(b.await(r -> r.topic().equals("portal/dev-B/cmd"), WAIT).isPresent(), "dev-B gets its command");
            Thread.sleep(500); // on purpose: time for a leak to arrive; the check is that none does
            assertTrue(a.received().isEmpty(), "dev-A read nothing of dev-B's: " + a.received());
        }
    }

    @Test
    void theTechnicianKeepsTheConfigurationShadowAndPortalsCannotWriteIt(@TempDir Path dir) throws Exception {
        Certificates.make(dir.resolve("broker/certs"));
        try (ShippedBroker broker = ShippedBroker.start(dir.resolve("broker"), List.of("dev-A", "portal-tech"));
             MqttProbe tech = broker.login("portal-tech");
             MqttProbe a = broker.login("dev-A")) {
            tech.publishRetainedAndWait("portal/dev-A/config/shadow", SHADOW);
            // A portal may not rewrite what the technicians agreed on, neither its own shadow nor another's.
            a.publishRetainedAndWait("portal/dev-A/config/shadow", "{\"forged\":true}".getBytes());
            a.publishRetainedAndWait("portal/dev-B/config/shadow", "{\"forged\":true}".getBytes());

            // Another technician, later, finds the retained shadows: only the one the first technician wrote.
            try (MqttProbe colleague = broker.login("portal-tech", "colleague")) {
                colleague.subscribe("portal/+/config/shadow");
                // The broker sends the retained documents with the subscription, so before anything published now.
                tech.publishAndWait("portal/fence/config/shadow", "fence".getBytes());
                assertTrue(colleague.await(r -> r.text().equals("fence"), WAIT).isPresent(), "the fence arrives");
                assertEquals(List.of("portal/dev-A/config/shadow " + new String(SHADOW, StandardCharsets.UTF_8)),
                        colleague.received().stream().takeWhile(r -> !r.text().equals("fence"))
                                .map(r -> r.topic() + " " + r.text()).toList());
            }
        }
    }

    @Test
    void portalctlWithTheTechnicianRoleSetsAConfigurationThatStays(@TempDir Path dir) throws Exception {
        Certificates.make(dir.resolve("broker/certs"));
        try (ShippedBroker broker = ShippedBroker.start(dir.resolve("broker"), List.of("tech-portal", "portal-tech"));
             SimPortal portal = SimPortal.start(dir.resolve("portal"), "tech-portal", mqtt -> {
                 mqtt.put("uri", broker.portalUri()).put("username", "tech-portal")
                         .put("password", ShippedBroker.PASSWORD + "tech-portal");
                 mqtt.putObject("tls").put("caPem", dir.resolve("broker/certs/ca.crt").toString());
             })) {
            Path password = dir.resolve("tech.password");
            Files.writeString(password, ShippedBroker.PASSWORD + "portal-tech\n");
            // As from a technician's laptop: the roles' TLS listener.
            List<String> login = List.of("--broker", broker.serviceTlsUri(),
                    "--ca-file", dir.resolve("broker/certs/ca.crt").toString(), "--username", "portal-tech",
                    "--password-file", password.toString(), "--timeout", "15s");

            String set = portalctl(login, "config", "set", "tech-portal", "pollHz=20");
            assertTrue(set.startsWith("exit 0"), set);
            assertEquals(20, portal.service().runtime().pollHz());
            // The next run reads the desired state back from the retained shadow.
            String get = portalctl(login, "config", "get", "tech-portal", "--json");
            assertTrue(get.startsWith("exit 0"), get);
            JsonNode shadow = new ObjectMapper().readTree(get.substring(get.indexOf('{')));
            assertEquals(1, shadow.get("desired").get("version").asInt(), get);
            assertEquals("20", shadow.get("desired").get("entries").get("pollHz").asText(), get);
            assertTrue(shadow.get("inSync").asBoolean(), get);
        }
    }

    @Test
    void theTechnicianWatchesAndCommandsPortalsButIsNotTheBridge(@TempDir Path dir) throws Exception {
        Certificates.make(dir.resolve("broker/certs"));
        List<String> users = List.of("dev-A", "portal-tech", "portal-bridge", "game-server");
        try (ShippedBroker broker = ShippedBroker.start(dir.resolve("broker"), users);
             MqttProbe tech = broker.login("portal-tech");
             MqttProbe a = broker.login("dev-A");
             MqttProbe host = broker.login("portal-bridge");
             MqttProbe game = broker.login("game-server")) {
            tech.subscribe("portal/+/evt");
            tech.subscribe("portal/+/status");
            tech.subscribe("game/portals/+");
            a.subscribe("portal/dev-A/cmd");
            host.subscribe("portal/+/evt");
            host.subscribe("portal/+/status");
            game.subscribe("game/#");

            // What portalctl needs: a portal's frames and status, the bridge's portal document, commanding it.
            PortalFrames frames = new PortalFrames("dev-A", 0xA1L);
            a.publishAndWait(frames.evtTopic(), frames.birth());
            a.publishRetainedAndWait("portal/dev-A/status", "{\"state\":\"online\"}".getBytes());
            host.publishRetainedAndWait("game/portals/dev-A", "{\"deviceId\":\"dev-A\"}".getBytes());
            tech.publishAndWait("portal/dev-A/cmd", rebirth());
            for (String topic : List.of("portal/dev-A/evt", "portal/dev-A/status", "game/portals/dev-A")) {
                assertTrue(tech.await(r -> r.topic().equals(topic), WAIT).isPresent(), "the technician reads " + topic);
            }
            assertTrue(a.await(r -> r.topic().equals("portal/dev-A/cmd"), WAIT).isPresent(), "dev-A gets the command");

            // What only the bridge writes: game events and documents; what only a portal writes: its frames.
            assertRefused(List.of(new Watch(game, host, "game/events"), new Watch(host, a, "portal/dev-A/evt"),
                    new Watch(a, host, "portal/dev-A/cmd")), () -> {
                for (String topic : List.of("game/events", "game/portals/dev-A", "game/toys/04AAAA00000001",
                        "game/bridge/status", "game/deadletter", "game/toys/04AAAA00000001/update")) {
                    tech.publishAndWait(topic, "{\"forged\":true}".getBytes());
                }
                PortalFrames forged = new PortalFrames("dev-A", 0xBADL);
                tech.publishAndWait(forged.evtTopic(), forged.birth());
                PortalFrames ownName = new PortalFrames("portal-tech", 0xBADL); // a "portal" named like the role
                tech.publishAndWait(ownName.evtTopic(), ownName.birth());
                tech.publishAndWait("portal/dev-A/status", "{\"state\":\"offline\"}".getBytes());
            });
        }
    }

    @Test
    void aGameServerOnlyAsksForToyUpdatesAndTheBridgeOnlyAnswersUnderReplies(@TempDir Path dir) throws Exception {
        Certificates.make(dir.resolve("broker/certs"));
        List<String> users = List.of("dev-A", "portal-bridge", "game-server");
        try (ShippedBroker broker = ShippedBroker.start(dir.resolve("broker"), users);
             MqttProbe game = broker.login("game-server");
             MqttProbe otherGame = broker.login("game-server", "other-game");
             MqttProbe a = broker.login("dev-A");
             MqttProbe host = broker.login("portal-bridge")) {
            a.subscribe("portal/dev-A/cmd");
            host.subscribe("portal/+/evt");
            host.subscribe("portal/+/status");
            host.subscribe("game/toys/+/update");
            otherGame.subscribe("game/#");

            // The game server's way in: an update request, answered under game/replies/.
            game.subscribe("game/replies/#");
            game.publishAndWait("game/toys/04AAAA00000001/update", "{\"xpDelta\":5}".getBytes());
            assertTrue(host.await(r -> r.topic().equals("game/toys/04AAAA00000001/update"), WAIT).isPresent(),
                    "the bridge gets the request");
            host.publishAndWait("game/replies/game-1", "{\"ok\":true}".getBytes());
            assertTrue(game.await(r -> r.topic().equals("game/replies/game-1"), WAIT).isPresent(), "the answer arrives");

            // The rest is the bridge's or a portal's. The bridge's credentials answer only one level under
            // game/replies/ (as the bridge checks replyTo), and never make a request the bridge would take up.
            assertRefused(List.of(new Watch(otherGame, host, "game/events"), new Watch(a, host, "portal/dev-A/cmd"),
                    new Watch(host, a, "portal/dev-A/evt")), () -> {
                for (String topic : List.of("game/events", "game/portals/dev-A", "game/toys/04AAAA00000001",
                        "game/bridge/status", "game/deadletter", "portal/dev-A/cmd", "portal/dev-A/status")) {
                    game.publishAndWait(topic, "{\"forged\":true}".getBytes());
                }
                PortalFrames ownName = new PortalFrames("game-server", 0xBADL); // a "portal" named like the role
                game.publishAndWait(ownName.evtTopic(), ownName.birth());
                host.publishAndWait("game/replies/game-1/deeper", "{\"forged\":true}".getBytes());
                host.publishAndWait("game/toys/04AAAA00000001/update", "{\"xpDelta\":1000}".getBytes());
                host.publishAndWait("game/elsewhere", "{\"forged\":true}".getBytes());
            });
        }
    }

    /** Issue 14: technicians register web codes, game servers claim and ask, and neither does the other's part. */
    @Test
    void theTechnicianRegistersWebCodesAndGameServersClaimButNeverSeeTheDigests(@TempDir Path dir) throws Exception {
        Certificates.make(dir.resolve("broker/certs"));
        List<String> users = List.of("portal-tech", "portal-bridge", "game-server");
        try (ShippedBroker broker = ShippedBroker.start(dir.resolve("broker"), users);
             MqttProbe tech = broker.login("portal-tech");
             MqttProbe game = broker.login("game-server");
             MqttProbe host = broker.login("portal-bridge")) {
            for (String filter : List.of("game/toys/+/webcode", "game/toys/+/claim", "game/toys/+/history",
                    "game/players/+/request")) {
                host.subscribe(filter);
            }
            tech.subscribe("game/replies/+");
            game.subscribe("game/#");

            byte[] digest = "{\"digest\":\"0\"}".getBytes(StandardCharsets.UTF_8);
            tech.publishAndWait("game/toys/04AAAA00000001/webcode", digest);
            assertTrue(host.await(r -> r.topic().equals("game/toys/04AAAA00000001/webcode"), WAIT).isPresent(),
                    "the bridge gets the technician's registration");
            host.publishAndWait("game/replies/portalctl-1", "{\"status\":\"registered\"}".getBytes());
            assertTrue(tech.await(r -> r.topic().equals("game/replies/portalctl-1"), WAIT).isPresent(),
                    "the technician reads the bridge's answer");
            for (String topic : List.of("game/toys/04AAAA00000001/claim", "game/toys/04AAAA00000001/history",
                    "game/players/ann/request")) {
                game.publishAndWait(topic, "{\"ask\":true}".getBytes());
                assertTrue(host.await(r -> r.topic().equals(topic), WAIT).isPresent(), "the bridge gets " + topic);
            }
            assertTrue(game.received().stream().noneMatch(r -> r.topic().endsWith("/webcode")),
                    "a game server never reads a registration: " + game.received());

            // The bridge reads all four request topics: whatever got through would reach it between the fences.
            assertRefused(List.of(new Watch(host, tech, "game/toys/04AAAA00000001/webcode")), () -> {
                game.publishAndWait("game/toys/04AAAA00000001/webcode", digest);
                for (String topic : List.of("game/toys/04AAAA00000001/claim", "game/players/ann/request",
                        "game/toys/04AAAA00000001/history")) {
                    tech.publishAndWait(topic, "{\"forged\":true}".getBytes());
                }
            });
            assertRefused(List.of(new Watch(game, host, "game/replies/studio")), () ->
                    tech.publishAndWait("game/replies/studio", "{\"forged\":true}".getBytes()));
        }
    }

    @Test
    void aPortalCannotKnockAnotherOffWithItsClientId(@TempDir Path dir) throws Exception {
        Certificates.make(dir.resolve("broker/certs"));
        try (ShippedBroker broker = ShippedBroker.start(dir.resolve("broker"), List.of("dev-A", "dev-B", "portal-bridge"));
             MqttProbe b = broker.login("dev-B", "portal-dev-B");
             MqttProbe host = broker.login("portal-bridge")) {
            b.subscribe("portal/dev-B/cmd");
            try (MqttProbe a = broker.login("dev-A", "portal-dev-B")) {
                host.publishAndWait("portal/dev-B/cmd", rebirth());
                assertTrue(b.await(r -> r.topic().equals("portal/dev-B/cmd"), WAIT).isPresent(),
                        "dev-B still gets its commands: " + b.lostCause());
                assertTrue(b.isConnected() && a.isConnected(), "both stay connected, each in a session of its own");
            }
        }
    }

    @Test
    void aPortalCannotTakeOverAnotherPortalsWaitingCommands(@TempDir Path dir) throws Exception {
        Certificates.make(dir.resolve("broker/certs"));
        try (ShippedBroker broker = ShippedBroker.start(dir.resolve("broker"), List.of("dev-A", "dev-B", "portal-bridge"));
             MqttProbe host = broker.login("portal-bridge")) {
            persistentPortal(broker, "dev-B", "portal-dev-B").close();
            host.publishAndWait("portal/dev-B/cmd", rebirth()); // waits for dev-B in its session

            // dev-A comes in with dev-B's client id and a session to resume; Mosquitto would hand it dev-B's
            // session and drop the commands dev-A may not read: dev-B would never get them.
            persistentPortal(broker, "dev-A", "portal-dev-B").close();

            try (MqttProbe b = persistentPortal(broker, "dev-B", "portal-dev-B")) {
                assertTrue(b.await(r -> r.topic().equals("portal/dev-B/cmd"), WAIT).isPresent(),
                        "the command sent while dev-B was away reaches dev-B");
            }
        }
    }

    private static MqttProbe persistentPortal(ShippedBroker broker, String device, String clientId) throws LinkException {
        return MqttProbe.connectPersistent(broker.portalUri(), clientId, device, ShippedBroker.PASSWORD + device,
                broker.tls(), "portal/" + device + "/cmd");
    }

    /** {@code watcher} reads {@code topic}, on which {@code fence} may publish. */
    private record Watch(MqttProbe watcher, MqttProbe fence, String topic) {
    }

    private interface Publishes {
        void run() throws Exception;
    }

    /**
     * Runs {@code refused} between two fence messages each watcher receives: the broker forwards in order and
     * acknowledges a refused publish only once it has dropped it, so whatever got through would have reached
     * a watcher between its two fences.
     */
    private static void assertRefused(List<Watch> watches, Publishes refused) throws Exception {
        List<Integer> from = new java.util.ArrayList<>();
        for (Watch w : watches) {
            from.add(fence(w));
        }
        refused.run();
        for (int i = 0; i < watches.size(); i++) {
            Watch w = watches.get(i);
            int to = fence(w) - 1;
            List<String> leaked = w.watcher().received().subList(from.get(i), to).stream()
                    .map(r -> r.topic() + " " + (r.text().startsWith("{") ? r.text() : r.payload().length + " bytes"))
                    .toList();
            assertEquals(List.of(), leaked, "what got through to the reader of " + w.topic());
        }
    }

    /** Sends a fence and returns the position just after it in what the watcher received. */
    private static int fence(Watch w) throws Exception {
        String text = "fence " + System.nanoTime();
        w.fence().publishAndWait(w.topic(), text.getBytes(StandardCharsets.UTF_8));
        assertTrue(w.watcher().await(r -> r.text().equals(text), WAIT).isPresent(), "the fence reaches " + w.topic());
        List<MqttProbe.Received> got = w.watcher().received();
        for (int i = got.size() - 1; i >= 0; i--) {
            if (got.get(i).text().equals(text)) {
                return i + 1;
            }
        }
        throw new AssertionError("unreachable: the fence arrived");
    }

    private static byte[] rebirth() {
        return FrameCodec.encode(new Frame(Header.of(1, 0, System.currentTimeMillis(), true),
                new Command(77, new Rebirth())));
    }

    /** Runs portalctl in this JVM as a technician would; the answer starts with "exit N". */
    private static String portalctl(List<String> login, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.addAll(login);
        int code = PortalCtl.commandLine(new ByteArrayInputStream(new byte[0]), new PrintWriter(out, true),
                new PrintWriter(err, true)).execute(all.toArray(String[]::new));
        return "exit " + code + "\n" + out + "\n--- stderr\n" + err;
    }
}
