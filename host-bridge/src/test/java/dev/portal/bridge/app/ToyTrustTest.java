package dev.portal.bridge.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portal.bridge.testing.BridgeBroker;
import dev.portal.bridge.testing.Collector;
import dev.portal.bridge.testing.FramePortal;
import dev.portal.bridge.testing.SimTag;
import dev.portal.protocol.frame.TagPlaced;
import dev.portal.protocol.frame.TagType;
import dev.portal.protocol.frame.ToyRead;
import dev.portal.protocol.id.Uid;
import dev.portal.protocol.toy.CoCreation;
import dev.portal.protocol.toy.Colours;
import dev.portal.protocol.toy.ToyRecord;
import dev.portal.protocol.toy.Upgrades;
import dev.portal.testsupport.Await;
import dev.portal.testsupport.Mosquitto;
import dev.portal.testsupport.MosquittoExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;

import static dev.portal.bridge.app.BridgeFlowTest.WAIT;
import static dev.portal.bridge.app.BridgeFlowTest.blaze;
import static dev.portal.bridge.app.BridgeFlowTest.config;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Only the host makes toy value (issue 13 items 1 and 2): a portal's claimed verdict is refused, an old dump
 * written back onto a toy is reported and not adopted, and one UID on two portals at once is reported.
 */
class ToyTrustTest {
    @RegisterExtension
    static final MosquittoExtension MOSQUITTO = BridgeBroker.extension();

    @TempDir
    Path dir;

    private static String award(String id, int amount) {
        return "{\"correlationId\":\"" + id + "\",\"replyTo\":\"game/replies/trust\",\"action\":\"awardXp\","
                + "\"amount\":" + amount + "}";
    }

    @Test
    void aVerdictAPortalClaimsMakesNoToy(Mosquitto broker) throws Exception {
        Uid uid = Uid.parse("04F0F0F0F0F001");
        ToyRecord minted = new ToyRecord(7, 0, new CoCreation("Minted", new Colours(0, 0, 0), Upgrades.of(1, 2, 3),
                4_000_000_000L, 255));
        try (Bridge bridge = Bridge.start(config(broker.uri(), dir));
             Collector game = new Collector(broker.uri(), "game/#");
             FramePortal portal = new FramePortal(broker.uri(), "forger", 1, Clock.systemUTC())) {
            portal.start();
            portal.send(new TagPlaced(0, 0, uid, TagType.NTAG215));
            portal.send(ToyRead.recognised(0, 0, uid, minted)); // what a portal with a stolen key file once could do
            JsonNode refused = game.await("game/deadletter", "untrusted-verdict", WAIT).json();
            assertEquals("portal/forger/evt", refused.get("topic").asText());
            game.await("game/events", "\"placed\"", WAIT);
            bridge.awaitIdle();
            assertTrue(bridge.store().inTransaction(tx -> tx.toy(uid.hex())).isEmpty(), "no profile was made");
        }
    }

    @Test
    void anOldDumpWrittenBackIsReportedNotAdoptedAndOverwritten(Mosquitto broker) throws Exception {
        String uid = "04A11CE0000001";
        SimTag tag = SimTag.toy(uid, blaze(100));
        try (Bridge bridge = Bridge.start(config(broker.uri(), dir));
             Collector game = new Collector(broker.uri(), "game/#");
             FramePortal portal = new FramePortal(broker.uri(), "den", 1, Clock.systemUTC())) {
            portal.start();
            portal.place(0, 0, tag);
            game.await("game/events", "recognised", WAIT);
            byte[][] before = tag.dump(); // the player keeps a dump with 100 XP

            game.publish("game/toys/" + uid + "/update", award("a1", 500));
            JsonNode written = game.await("game/replies/trust", "\"a1\"", WAIT).json();
            assertEquals("written", written.get("status").asText(), written.toString());
            assertEquals(600, tag.record().orElseThrow().coCreation().xp());
            game.publish("game/toys/" + uid + "/update", award("a2", -550)); // spends 550 XP in the game
            assertEquals("written", game.await("game/replies/trust", "\"a2\"", WAIT).json().get("status").asText());
            assertEquals(50, tag.record().orElseThrow().coCreation().xp());
            portal.lift(0, 0);

            tag.restore(before); // ...and writes the old dump back: genuine, signed, 100 XP
            assertEquals(100, tag.record().orElseThrow().coCreation().xp());
            portal.place(0, 0, tag);
            JsonNode event = game.await("game/events", "rolled-back", WAIT).json();
            assertEquals("ROLLED_BACK", event.get("verdict").asText());
            assertEquals(1, event.get("counterOnTag").asLong());
            assertEquals(3, event.get("newestCounterSeen").asLong());
            assertEquals(50, event.at("/profile/xp").asLong(), "the bridge's profile stands");

            // The bridge writes its profile back, past the newest counter: the dump cannot win again.
            Await.until("the bridge's profile written back over the dump",
                    () -> tag.read(0, 0).judge(SimTag.KEY).writeCounter() == 4, WAIT);
            assertEquals(50, tag.record().orElseThrow().coCreation().xp(), "the tag holds the bridge's XP again");
            assertEquals(50, bridge.store().inTransaction(tx -> tx.toy(uid)).orElseThrow().xp());
        }
    }

    @Test
    void oneUidOnTwoPortalsAtOnceIsReportedAsAClone(Mosquitto broker) throws Exception {
        SimTag original = SimTag.toy("04C10E0C10E001", blaze(10));
        try (Bridge bridge = Bridge.start(config(broker.uri(), dir));
             Collector game = new Collector(broker.uri(), "game/#");
             FramePortal home = new FramePortal(broker.uri(), "home", 1, Clock.systemUTC());
             FramePortal friend = new FramePortal(broker.uri(), "friend", 1, Clock.systemUTC())) {
            home.start();
            friend.start();
            home.place(0, 0, original);
            game.await("game/events", "recognised", WAIT);
            friend.place(0, 1, original.cloned());
            JsonNode clone = game.await("game/events", "clone-suspected", WAIT).json();
            assertEquals("friend", clone.get("deviceId").asText());
            assertEquals("home", clone.get("otherDeviceId").asText());
            assertEquals(0, clone.get("otherPad").asInt());
        }
    }
}
