package dev.portal.device.frame;

import dev.portal.device.outbox.Outbox;
import dev.portal.device.outbox.OutboxSettings;
import dev.portal.device.testing.DeliveredFrames;
import dev.portal.protocol.frame.Frame;
import dev.portal.protocol.frame.FrameCodec;
import dev.portal.protocol.frame.FrameException;
import dev.portal.protocol.frame.Heartbeat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeptFramesTest {
    private static final long EARLIER_BOOT = 0xA1;
    private static final long BOOT = 0xB2;

    @TempDir
    Path dir;

    private static List<Frame> decoded(List<byte[]> frames) throws FrameException {
        List<Frame> out = new ArrayList<>();
        for (byte[] f : frames) {
            out.add(FrameCodec.decode(f));
        }
        return out;
    }

    @Test
    void picksExactlyTheDeliveredFramesOfTheBootAndRangeInSequenceOrderMarkedReplayed() throws Exception {
        try (Outbox outbox = Outbox.open(OutboxSettings.defaults(dir))) {
            DeliveredFrames.emit(outbox, EARLIER_BOOT, 10); // the same sequences, another boot: never picked
            DeliveredFrames.emit(outbox, BOOT, 10, 5); // 5 still waits for the publisher, which will send it anyway
            List<Frame> got = decoded(new KeptFrames(outbox).find(BOOT, 3, 7));
            assertEquals(List.of(3L, 4L, 6L, 7L), got.stream().map(f -> f.header().sequence()).toList());
            for (Frame f : got) {
                assertEquals(BOOT, f.header().bootId());
                assertTrue(f.header().replayed(), "marked as a frame that comes late");
                assertEquals(f.header().sequence(), ((Heartbeat) f.message()).counters().uptimeSeconds(),
                        "the frame made with that sequence, not another");
            }
            List<Frame> earlier = decoded(new KeptFrames(outbox).find(EARLIER_BOOT, 0, 9));
            assertEquals(10, earlier.size(), "finding is by boot; refusing other boots is the command's job");
            assertTrue(earlier.stream().allMatch(f -> f.header().bootId() == EARLIER_BOOT));
            assertTrue(new KeptFrames(outbox).find(BOOT, 10, 20).isEmpty(), "nothing past the last frame");
        }
    }
}
