package dev.portal.testsupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MosquittoTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    void aMessagePublishedWithMosquittoPubReachesTheSubscriberByteForByte() throws Exception {
        byte[] payload = {0, 1, '\n', ' ', (byte) 0xFF, 'x'};
        try (Mosquitto broker = Mosquitto.in(dir).start();
             MosquittoSub sub = MosquittoSub.subscribe(broker, "sensors/#")) {
            broker.publish("sensors/a b", payload, false);
            MosquittoSub.Message got = sub.await(m -> m.topic().startsWith("sensors/"), WAIT);
            assertEquals("sensors/a b", got.topic());
            assertArrayEquals(payload, got.payload());
            assertTrue(Files.readString(broker.log()).contains("mosquitto version"), "the broker logs to log()");
        }
    }

    @Test
    void aRetainedMessageIsThereAgainAfterARestartOnTheSamePort() throws Exception {
        try (Mosquitto broker = Mosquitto.in(dir).persistent().start()) {
            int port = broker.port();
            broker.publish("config/lamp", "on".getBytes(StandardCharsets.UTF_8), true);
            broker.restart();
            assertEquals(port, broker.port());
            try (MosquittoSub sub = MosquittoSub.subscribe(broker, "config/#")) {
                assertEquals("on", sub.await(m -> m.topic().equals("config/lamp"), WAIT).text());
            }
            broker.stop();
            assertFalse(broker.isRunning());
            assertFalse(Ports.awaitListening(port, Duration.ofMillis(300)), "stopped means not listening");
        }
    }
}
