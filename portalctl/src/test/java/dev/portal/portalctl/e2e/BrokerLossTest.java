package dev.portal.portalctl.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portal.testsupport.MosquittoExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A watch whose broker goes away ends with exit 3 and says so, instead of waiting for ever. */
class BrokerLossTest {
    @RegisterExtension
    static final MosquittoExtension MOSQUITTO = new MosquittoExtension();

    @Test
    void watchEndsWithExit3WhenTheBrokerGoesAway() throws Exception {
        Cli.Running watch = Cli.start("watch", "--broker", MOSQUITTO.uri());
        watch.waitForStderr("watching portal/+/evt", Duration.ofSeconds(10));
        MOSQUITTO.broker().stop();
        Cli.Run r = watch.await(Duration.ofSeconds(30));
        assertEquals(3, r.code(), r.toString());
        assertTrue(r.err().contains("connection lost after 0 event(s)"), r.toString());
    }
}
