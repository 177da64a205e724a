package dev.portal.system.security;

import dev.portal.bridge.app.Bridge;
import dev.portal.bridge.app.BridgeConfig;
import dev.portal.bridge.app.BrokerSettings;
import dev.portal.device.sim.ToyCatalogue;
import dev.portal.hardware.sim.tag.Ntag21x;
import dev.portal.hardware.sim.tag.NtagType;
import dev.portal.hardware.sim.tag.VirtualTag;
import dev.portal.protocol.id.Uid;
import dev.portal.protocol.toy.Area;
import dev.portal.protocol.toy.FleetKey;
import dev.portal.protocol.toy.TagLayout;
import dev.portal.system.process.SystemBroker;
import dev.portal.system.support.MqttProbe;
import dev.portal.system.support.SimPortal;
import dev.portal.testsupport.Mosquitto;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * End to end through chip models, the real device service, Mosquitto and the bridge: a signed toy is
 * recognised; the same toy with one byte of its record changed, and its save areas copied onto a tag with
 * another UID, are reported TAMPERED on game/events and never get the original's profile.
 */
class ToyTamperingTest {
    private static final String KEY = "a1b2c3d4".repeat(8);

    @Test
    void tamperedAndCopiedToysAreRefused(@TempDir Path dir) throws Exception {
        // The host's toy key (bridge --toy-key-file): since protocol 1.1 the bridge judges toys, no portal holds it.
        Path keyFile = dir.resolve("fleet.key");
        Files.writeString(keyFile, KEY + "\n");
        ToyCatalogue catalogue = new ToyCatalogue(FleetKey.fromHex(KEY));
        try (Mosquitto broker = SystemBroker.start(dir.resolve("broker"));
             Bridge bridge = Bridge.start(BridgeConfig.defaults(BrokerSettings.plain(broker.uri(), "tamper-bridge"),
                     dir.resolve("bridge")).withToyKey(FleetKey.fromFile(keyFile)));
             MqttProbe game = MqttProbe.connect(broker.uri(), "tamper-game");
             SimPortal portal = SimPortal.start(dir.resolve("portal"), "tamper-portal",
                     mqtt -> mqtt.put("uri", broker.uri()))) {
            game.subscribe("game/events");
            Ntag21x dragon = (Ntag21x) catalogue.make("dragon");
            expect(game, portal, dragon, "recognised");
            portal.pads().remove(dragon);

            VirtualTag tampered = catalogue.make("tampered");
            expect(game, portal, tampered, "tampered");
            portal.pads().remove(tampered);

            // A cloner copies the dragon's save areas onto a blank tag: the record's MAC is bound to the UID.
            Uid other = Uid.parse("04C10E00000009");
            byte[] pages = Ntag21x.factoryPages(NtagType.NTAG213, other);
            byte[] original = dragon.dump();
            for (Area area : Area.values()) {
                for (int page : TagLayout.NTAG213.units(area)) {
                    System.arraycopy(original, page * 4, pages, page * 4, 4);
                }
            }
            Ntag21x copy = new Ntag21x(NtagType.NTAG213, other, pages);
            expect(game, portal, copy, "tampered");
            Optional<?> profile = bridge.store().inTransaction(tx -> tx.toy(other.hex().toUpperCase()));
            assertTrue(profile.isEmpty() || !profile.toString().contains("Ember"),
                    "the copy did not get the dragon's profile: " + profile);
        }
    }

    private static void expect(MqttProbe game, SimPortal portal, VirtualTag tag, String event) throws Exception {
        portal.pads().place(tag, 0);
        String uid = tag.uid().hex().toUpperCase();
        assertTrue(game.await(r -> r.text().contains("\"event\":\"" + event + "\"") && r.text().contains(uid),
                Duration.ofSeconds(20)).isPresent(), uid + " should be reported " + event + "; got " + game.received());
    }
}
