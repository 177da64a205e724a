package dev.portal.system.security;

import dev.portal.bridge.app.Bridge;
import dev.portal.bridge.app.BridgeConfig;
import dev.portal.hardware.sim.tag.Ntag21x;
import dev.portal.hardware.sim.tag.NtagType;
import dev.portal.protocol.id.Uid;
import dev.portal.system.support.Certificates;
import dev.portal.system.support.MqttProbe;
import dev.portal.system.support.ShippedBroker;
import dev.portal.system.support.SimPortal;
import dev.portal.link.LinkException;
import dev.portal.link.TlsConfig;
import dev.portal.bridge.app.BrokerSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Portal, broker and bridge over TLS with the shipped example configuration: the test makes its own CA and
 * broker certificate with openssl, starts Mosquitto's TLS listeners from scripts/mosquitto/mosquitto.conf, and
 * the real device service (on the portals' listener) and the real bridge and a game server (on the roles'
 * listener) connect with their own TLS and credential options.
 */
class TlsTest {

    @Test
    void portalAndBridgeTalkOverTls(@TempDir Path dir) throws Exception {
        Certificates.make(dir.resolve("broker/certs"));
        Path ca = dir.resolve("broker/certs/ca.crt");
        List<String> users = List.of("tls-portal", "portal-bridge", "game-server");
        try (ShippedBroker broker = ShippedBroker.start(dir.resolve("broker"), users);
             Bridge bridge = Bridge.start(BridgeConfig.defaults(new BrokerSettings(broker.serviceTlsUri(), "tls-bridge",
                     Optional.of("portal-bridge"), Optional.of((ShippedBroker.PASSWORD + "portal-bridge").toCharArray()),
                     Optional.of(TlsConfig.trusting(ca)), false, Duration.ofSeconds(10)), dir.resolve("bridge")));
             MqttProbe game = MqttProbe.connect(broker.serviceTlsUri(), "tls-game", "game-server",
                     ShippedBroker.PASSWORD + "game-server", TlsConfig.trusting(ca));
             SimPortal portal = SimPortal.start(dir.resolve("portal"), "tls-portal", mqtt -> {
                 mqtt.put("uri", broker.portalUri()).put("username", "tls-portal")
                         .put("password", ShippedBroker.PASSWORD + "tls-portal");
                 mqtt.putObject("tls").put("caPem", ca.toString());
             })) {
            game.subscribe("game/#");
            Uid uid = Uid.parse("04715C00000001");
            portal.pads().place(new Ntag21x(NtagType.NTAG213, uid, Ntag21x.factoryPages(NtagType.NTAG213, uid)), 0);
            assertTrue(game.await(r -> r.topic().equals("game/events") && r.text().contains("\"placed\"")
                    && r.text().contains(uid.hex().toUpperCase()), Duration.ofSeconds(20)).isPresent(),
                    "the placement crossed portal -> TLS -> broker -> TLS -> bridge -> game/events");
            assertTrue(bridge.store().inTransaction(tx -> tx.placementOf(uid.hex().toUpperCase())).isPresent());

            // Plain MQTT on a TLS port, and TLS without trusting the fleet CA, do not get in.
            for (String tlsUri : List.of(broker.portalUri(), broker.serviceTlsUri())) {
                assertThrows(LinkException.class, () -> MqttProbe.connect(tlsUri.replace("ssl:", "tcp:"),
                        "plain-on-tls", "game-server", ShippedBroker.PASSWORD + "game-server", null));
                assertThrows(LinkException.class, () -> MqttProbe.connect(tlsUri, "untrusting", "game-server",
                        ShippedBroker.PASSWORD + "game-server", TlsConfig.jvmDefaults()));
            }
        }
    }
}
