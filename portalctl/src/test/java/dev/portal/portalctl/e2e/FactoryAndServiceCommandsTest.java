package dev.portal.portalctl.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * provision end to end against a portal on a real Mosquitto; calibrate and config run against the real device
 * service in {@link SimulatedDeviceTest}.
 */
class FactoryAndServiceCommandsTest {
    @RegisterExtension
    static final MosquittoExtension MOSQUITTO = new MosquittoExtension();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    FakePortal portal;
    String toyKey;

    @BeforeEach
    void start() throws Exception {
        portal = new FakePortal(MOSQUITTO.uri(), "line-1", dir, null, Duration.ofSeconds(5)).start();
        toyKey = FakePortal.writeToyKey(dir).toString();
    }

    @AfterEach
    void stop() {
        portal.close();
    }

    private static FakePortal.Tag tag(String uid, ToyVerdict verdict, ToyRecord record) {
        return new FakePortal.Tag(Uid.parse(uid), verdict, Optional.ofNullable(record));
    }

    @Test
    void provisionWritesBlankTagsRefusesRecordedOnesAndSummarises() throws Exception {
        Cli.Running run = Cli.start("provision", "line-1", "--broker", MOSQUITTO.uri(), "--toy", "12", "--variant", "3",
                "--count", "2", "--idle-timeout", "10s", "--toy-key-file", toyKey, "--no-web-code");
        run.waitForOutput("lay 2 blank tag(s) on line-1", Duration.ofSeconds(10));
        ToyRecord finished = new ToyRecord(7, 1, new CoCreation("Rex", new Colours(1, 2, 3), Upgrades.NONE, 500, 4));
        portal.place(0, tag("04000000000001", ToyVerdict.BLANK, null));
        run.waitForOutput("04000000000001  written", Duration.ofSeconds(10));
        portal.place(0, tag("04000000000002", ToyVerdict.RECOGNISED, finished));
        run.waitForOutput("04000000000002  refused", Duration.ofSeconds(10));
        portal.place(1, tag("04000000000003", ToyVerdict.BLANK, null));

        Cli.Run r = run.await(Duration.ofSeconds(20));
        assertEquals(4, r.code(), "a refused tag makes the batch partial\n" + r);
        assertTrue(r.out().contains("summary: written 2 of 2, refused 1, failed 0"), r.toString());
        assertTrue(r.out().contains("tag already carries a RECOGNISED record type 7 variant 1 \"Rex\""), r.toString());
        assertTrue(r.out().contains("verified with the toy key (area A, counter 1)"), r.toString());
        ToyRecord written = portal.tagOn(1).orElseThrow().record().orElseThrow();
        assertEquals(12, written.toyType());
        assertEquals(3, written.variant());
        assertEquals(7, portal.tagOn(0).orElseThrow().record().orElseThrow().toyType(), "the finished toy was not touched");
    }

    @Test
    void provisionWithForceOverwritesAndACleanRunExitsZero() throws Exception {
        Cli.Running run = Cli.start("provision", "line-1", "--broker", MOSQUITTO.uri(), "--toy", "300", "--variant", "0",
                "--force", "--json", "--idle-timeout", "10s", "--toy-key-file", toyKey, "--no-web-code");
        run.waitForStderr("lay 1 blank tag(s) on line-1", Duration.ofSeconds(10));
        ToyRecord old = new ToyRecord(7, 1, new CoCreation("", new Colours(0, 0, 0), Upgrades.NONE, 0, 1));
        portal.place(0, tag("04000000000009", ToyVerdict.RECOGNISED, old));
        Cli.Run r = run.await(Duration.ofSeconds(20));
        assertEquals(0, r.code(), r.toString());
        String[] lines = r.out().strip().split("\n");
        assertEquals("written", JSON.readTree(lines[0]).get("outcome").asText());
        assertEquals(1, JSON.readTree(lines[1]).get("written").asInt());
        assertEquals(300, portal.tagOn(0).orElseThrow().record().orElseThrow().toyType());
        assertEquals(2, portal.tagOn(0).orElseThrow().writeCounter(), "into the other area, the old record kept until then");
    }

    @Test
    void provisionNeedsTheToyKeyAndNeverOverwritesATamperedTag() throws Exception {
        Cli.Run noKey = Cli.run("provision", "line-1", "--broker", MOSQUITTO.uri(), "--toy", "1", "--variant", "1");
        assertEquals(2, noKey.code(), noKey.toString());
        assertTrue(noKey.err().contains("--toy-key-file"), noKey.toString());

        Cli.Running run = Cli.start("provision", "line-1", "--broker", MOSQUITTO.uri(), "--toy", "5", "--variant", "0",
                "--force", "--idle-timeout", "3s", "--toy-key-file", toyKey);
        run.waitForOutput("lay 1 blank tag(s) on line-1", Duration.ofSeconds(10));
        ToyRecord old = new ToyRecord(7, 1, new CoCreation("", new Colours(0, 0, 0), Upgrades.NONE, 0, 1));
        portal.place(0, tag("04000000000007", ToyVerdict.TAMPERED, old));
        Cli.Run r = run.await(Duration.ofSeconds(20));
        assertTrue(r.out().contains("04000000000007  refused  refusing to write over a TAMPERED toy"), r.toString());
        assertEquals(ToyVerdict.TAMPERED, portal.tagOn(0).orElseThrow().verdict(), "not written");
    }

    /** Without a bridge to register its web code, a written toy is not finished: it counts as failed. */
    @Test
    void aToyWhoseWebCodeNoBridgeRegistersCountsAsFailed() throws Exception {
        Cli.Running run = Cli.start("provision", "line-1", "--broker", MOSQUITTO.uri(), "--toy", "12", "--variant", "3",
                "--idle-timeout", "3s", "--timeout", "2s", "--toy-key-file", toyKey);
        run.waitForOutput("lay 1 blank tag(s) on line-1", Duration.ofSeconds(10));
        portal.place(0, tag("04000000000005", ToyVerdict.BLANK, null));
        Cli.Run r = run.await(Duration.ofSeconds(30));
        assertEquals(4, r.code(), r.toString());
        assertTrue(r.out().contains("04000000000005  failed  pad 0"), r.toString());
        assertTrue(r.out().contains("but its web code is not registered (the bridge did not answer within 2 s)"),
                r.toString());
        assertTrue(r.out().contains("summary: written 0 of 1, refused 0, failed 1"), r.toString());
        assertTrue(!r.out().matches("(?s).*web code [0-9A-Z]{4}-.*"), "no code is printed for a toy that cannot be claimed\n" + r);
    }

    @Test
    void provisionGivesUpWhenNoTagIsLaid() {
        Cli.Run r = Cli.run("provision", "line-1", "--broker", MOSQUITTO.uri(), "--toy", "1", "--variant", "1", "--idle-timeout", "1s",
                "--toy-key-file", toyKey);
        assertEquals(3, r.code(), r.toString());
        assertTrue(r.out().contains("summary: written 0 of 1"), r.toString());
    }
}
