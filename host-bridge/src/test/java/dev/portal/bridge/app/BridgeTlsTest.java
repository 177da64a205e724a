package dev.portal.bridge.app;

import dev.portal.bridge.testing.FramePortal;
import dev.portal.bridge.testing.SimTag;
import dev.portal.link.LinkException;
import dev.portal.link.TlsConfig;
import dev.portal.bridge.testing.BridgeBroker;
import dev.portal.bridge.testing.Collector;
import dev.portal.testsupport.Mosquitto;
import dev.portal.testsupport.Ports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static dev.portal.bridge.app.BridgeFlowTest.WAIT;
import static dev.portal.bridge.app.BridgeFlowTest.blaze;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bridge on a Mosquitto listener that wants TLS (test CA made with openssl) and a user name and password. */
class BridgeTlsTest {
    @TempDir
    Path dir;

    private static void run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, String.join(" ", command) + ": " + out);
    }

    private List<String> secureListener(int port) throws Exception {
        assertTrue(Files.isExecutable(Path.of("/usr/bin/openssl")), "openssl is needed to make test certificates");
        run(dir, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem",
                "-days", "2", "-subj", "/CN=portal test CA");
        run(dir, "openssl", "req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr",
                "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1");
        run(dir, "openssl", "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
                "-CAcreateserial", "-out", "server.pem", "-days", "2", "-copy_extensions", "copy");
        run(dir, "mosquitto_passwd", "-b", "-c", dir.resolve("passwords").toString(), "bridge", "s3cret");
        return List.of("listener " + port + " 127.0.0.1", "cafile " + dir.resolve("ca.pem"),
                "certfile " + dir.resolve("server.pem"), "keyfile " + dir.resolve("server.key"),
                "allow_anonymous false", "password_file " + dir.resolve("passwords"));
    }

    private BrokerSettings settings(int port, String password) {
        return new BrokerSettings("ssl://127.0.0.1:" + port, "tls-bridge-" + System.nanoTime(), Optional.of("bridge"),
                Optional.of(password.toCharArray()), Optional.of(TlsConfig.trusting(dir.resolve("ca.pem"))), true,
                Duration.ofSeconds(10));
    }

    @Test
    void worksOverTlsWithAPasswordAndRefusesAWrongPasswordClearly() throws Exception {
        int securePort = Ports.free();
        List<String> listener = secureListener(securePort);
        try (Mosquitto broker = BridgeBroker.configure(Mosquitto.in(dir)).perListenerSettings().lines(listener)
                .start()) {
            LinkException refused = assertThrows(LinkException.class,
                    () -> Bridge.start(BridgeConfig.defaults(settings(securePort, "wrong"), dir.resolve("refused")).withToyKey(SimTag.KEY)));
            assertTrue(refused.getMessage().contains("ssl://127.0.0.1:" + securePort), refused.getMessage());

            BridgeConfig config = BridgeConfig.defaults(settings(securePort, "s3cret"), dir.resolve("data")).withToyKey(SimTag.KEY);
            try (Bridge bridge = Bridge.start(config);
                 Collector game = new Collector(broker.uri(), "game/events"); // the plain listener
                 FramePortal portal = new FramePortal(broker.uri(), "secure-portal", 1, Clock.systemUTC())) {
                portal.start();
                portal.place(0, 0, SimTag.toy("04AB0000000001", blaze(5)));
                Collector.Received recognised = game.await("game/events", "recognised", WAIT);
                assertTrue(recognised.text().contains("\"name\":\"Blaze\""), recognised.text());
                bridge.awaitIdle();
                assertEquals(0, bridge.counters().totalDeadLetters());
            }
        }
    }
}
