package dev.portal.device.app;

import dev.portal.device.testing.SimDevice;
import dev.portal.device.testing.TestConfigs;
import dev.portal.protocol.frame.Command;
import dev.portal.protocol.frame.CommandResult;
import dev.portal.protocol.frame.Frame;
import dev.portal.protocol.frame.FrameCodec;
import dev.portal.protocol.frame.Header;
import dev.portal.protocol.frame.ResendFrames;
import dev.portal.protocol.frame.Status;
import dev.portal.testsupport.Await;
import dev.portal.testsupport.Mosquitto;
import dev.portal.testsupport.MosquittoExtension;
import dev.portal.testsupport.MosquittoSub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * resend_frames over a real Mosquitto: a host asks on portal/ID/cmd for frames the broker already acknowledged,
 * and sees them again on portal/ID/evt, marked REPLAYED, followed by the answer.
 */
class ResendFramesDeviceTest {
    @RegisterExtension
    static final MosquittoExtension MOSQUITTO = new MosquittoExtension(Mosquitto.Builder::persistent);

    @TempDir
    Path dir;

    private final List<Frame> seen = new ArrayList<>();

    /** Waits until a frame on the subscription matches; keeps every frame that came meanwhile. */
    private Frame await(MosquittoSub sub, String what, java.util.function.Predicate<Frame> matches)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            MosquittoSub.Message m = sub.poll(Duration.ofMillis(200));
            if (m != null) {
                Frame f = FrameCodec.decode(m.payload());
                seen.add(f);
                if (matches.test(f)) {
                    return f;
                }
            }
        }
        throw new AssertionError("no " + what + " within 15 s; frames seen: " + seen.size());
    }

    private static CommandResult resultOf(Frame f) {
        return (CommandResult) f.message();
    }

    private static void send(String id, long correlationId, ResendFrames body) throws Exception {
        MOSQUITTO.broker().publish("portal/" + id + "/cmd",
                FrameCodec.encode(new Frame(Header.of(9, 1, 0, false), new Command(correlationId, body))), false);
    }

    @Test
    void framesTheBrokerAcknowledgedComeAgainReplayedThenTheAnswer() throws Exception {
        String id = "resend";
        try (MosquittoSub sub = MosquittoSub.persistentSession(MOSQUITTO.broker(), "host-" + id, "portal/" + id + "/evt");
             SimDevice device = SimDevice.start(TestConfigs.config(id, MOSQUITTO.broker(), dir, 1), 3)) {
            long boot = device.service().bootId();
            await(sub, "frame 2 (the Birth and two heartbeats)", f -> f.header().sequence() == 2);
            Await.until("frames 0..2 acknowledged in the outbox",
                    () -> device.service().outbox().stats().ackedIndex() >= 2, Duration.ofSeconds(10));

            send(id, 501, new ResendFrames(boot, 0, 2));
            Frame answer = await(sub, "the answer to 501",
                    f -> f.message() instanceof CommandResult r && r.correlationId() == 501);
            assertEquals(Status.OK, resultOf(answer).status(), resultOf(answer).detail());
            assertTrue(resultOf(answer).detail().startsWith("resent 3 of 3"), resultOf(answer).detail());
            TreeSet<Long> replayed = new TreeSet<>();
            Await.until("the three replayed frames", () -> {
                seen.stream().filter(f -> f.header().replayed() && f.header().bootId() == boot)
                        .forEach(f -> replayed.add(f.header().sequence()));
                if (replayed.size() < 3) {
                    MosquittoSub.Message m = sub.poll(Duration.ofMillis(100));
                    if (m != null) {
                        seen.add(FrameCodec.decode(m.payload()));
                    }
                }
                return replayed.size() >= 3;
            }, Duration.ofSeconds(10));
            assertEquals(List.of(0L, 1L, 2L), List.copyOf(replayed));

            send(id, 502, new ResendFrames(boot ^ 1, 0, 2));
            Frame refused = await(sub, "the answer to 502",
                    f -> f.message() instanceof CommandResult r && r.correlationId() == 502);
            assertEquals(Status.OK, resultOf(refused).status(), resultOf(refused).detail());
            assertTrue(resultOf(refused).detail().startsWith("resent 0 of 3"), "nothing kept of a boot it never had");
            assertEquals(2, device.service().health().resendRequests.get());
            assertEquals(3, device.service().health().framesResent.get());
            assertEquals(0, device.service().health().resendsRefused.get());
        }
    }
}
