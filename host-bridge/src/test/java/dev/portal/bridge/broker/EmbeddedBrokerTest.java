package dev.portal.bridge.broker;

import dev.portal.bridge.testing.Collector;
import dev.portal.bridge.testing.Mosquitto;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmbeddedBrokerTest {
    @TempDir
    Path dir;

    @Test
    void carriesMessagesAndKeepsItsDataUnderTheGivenFolder() throws Exception {
        int port = Mosquitto.freePort();
        try (EmbeddedBroker broker = EmbeddedBroker.start(dir.resolve("broker"), "127.0.0.1", port);
             Collector sub = new Collector(broker.serverUri(), "$share/g/portal/+/evt");
             Collector pub = new Collector(broker.serverUri())) {
            assertEquals("tcp://127.0.0.1:" + port, broker.serverUri());
            pub.publish("portal/p1/evt", "frame");
            assertEquals("frame", sub.await("portal/p1/evt", "frame", Duration.ofSeconds(10)).text());
        }
        assertTrue(Files.isDirectory(dir.resolve("broker/data")));
        assertTrue(Files.readString(dir.resolve("broker/conf/config.xml")).contains("<enabled>false</enabled>"));
    }
}
