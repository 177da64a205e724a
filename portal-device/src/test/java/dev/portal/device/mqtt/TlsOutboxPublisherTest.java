package dev.portal.device.mqtt;

import dev.portal.link.DeviceId;
import dev.portal.link.TlsConfig;
import dev.portal.device.outbox.Outbox;
import dev.portal.device.outbox.OutboxSettings;
import dev.portal.testsupport.Await;
import dev.portal.testsupport.MosquittoExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Delivery over TLS to a Mosquitto that checks the portal's client certificate (PEM files, as portal.json
 * names them) and its username and password. Certificates are made with openssl for the test.
 */
class TlsOutboxPublisherTest {
    @RegisterExtension
    static final MosquittoExtension MOSQUITTO = new MosquittoExtension(broker -> broker.persistent()
            .set("allow_anonymous", false).lines(tlsListener(broker.dir())));

    static Path certs;

    @TempDir
    Path dir;

    private static void run(Path dir, String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), String.join(" ", cmd));
        assertEquals(0, p.exitValue(), String.join(" ", cmd) + ": " + out);
    }

    static List<String> tlsListener(Path dir) throws Exception {
        assertTrue(Files.isExecutable(Path.of("/usr/bin/openssl")), "openssl is needed to make test certificates");
        certs = dir;
        Files.writeString(dir.resolve("san.ext"), "subjectAltName=IP:127.0.0.1\n");
        run(dir, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem",
                "-days", "2", "-subj", "/CN=portal test CA");
        for (String who : List.of("server", "client")) {
            run(dir, "openssl", "req", "-newkey", "rsa:2048", "-nodes", "-keyout", who + ".key", "-out", who + ".csr",
                    "-subj", "/CN=" + (who.equals("server") ? "127.0.0.1" : "portal-tls"));
            run(dir, "openssl", "x509", "-req", "-in", who + ".csr", "-CA", "ca.pem", "-CAkey", "ca.key",
                    "-CAcreateserial", "-out", who + ".pem", "-days", "2", "-extfile", "san.ext");
        }
        run(dir, "mosquitto_passwd", "-b", "-c", "passwd", "portal", "s3cret");
        return List.of("cafile " + dir.resolve("ca.pem"), "certfile " + dir.resolve("server.pem"),
                "keyfile " + dir.resolve("server.key"), "require_certificate true",
                "password_file " + dir.resolve("passwd"));
    }

    private MqttSettings settings(String password) {
        TlsConfig tls = TlsConfig.trusting(certs.resolve("ca.pem"))
                .withClientPem(certs.resolve("client.pem"), certs.resolve("client.key"));
        return new MqttSettings("ssl://127.0.0.1:" + MOSQUITTO.broker().port(), "portal-tls", Optional.of("portal"),
                Optional.of(password.toCharArray()), Optional.of(tls), Duration.ofSeconds(5), Duration.ofSeconds(5),
                10, Duration.ofMillis(100), Duration.ofMillis(500));
    }

    @Test
    void framesGoOutOverTlsWithAClientCertificateAndAPassword() throws Exception {
        try (Outbox outbox = Outbox.open(OutboxSettings.defaults(dir))) {
            OutboxPublisher d = new OutboxPublisher(settings("s3cret"), outbox, DeviceId.of("tls"), 1, () -> { },
                    b -> { });
            d.start();
            outbox.append(new byte[] {1, 2, 3});
            Await.until(() -> "the broker's acknowledgement over TLS: " + d.stats(), () -> outbox.stats().depth() == 0,
                    Duration.ofSeconds(20));
            d.close();
        }
    }

    @Test
    void aWrongPasswordKeepsTheFramesInTheOutbox() throws Exception {
        try (Outbox outbox = Outbox.open(OutboxSettings.defaults(dir))) {
            OutboxPublisher d = new OutboxPublisher(settings("wrong"), outbox, DeviceId.of("tls"), 1, () -> { },
                    b -> { });
            d.start();
            outbox.append(new byte[] {1, 2, 3});
            // A TLS handshake can take seconds on a loaded machine: wait for the refusal, not a fixed time.
            Await.until(() -> "a refusal, and another: " + d.stats(), () -> d.stats().connectFailures() >= 2,
                    Duration.ofSeconds(20));
            assertEquals(1, outbox.stats().depth());
            assertEquals(0, d.stats().connects());
            d.close();
        }
    }
}
