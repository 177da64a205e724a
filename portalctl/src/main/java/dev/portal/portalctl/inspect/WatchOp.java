package dev.portal.portalctl.inspect;

import dev.portal.portalctl.ExitCodes;
import dev.portal.portalctl.cli.Output;
import dev.portal.protocol.frame.Frame;
import dev.portal.protocol.frame.ToyAreas;
import dev.portal.protocol.frame.ToyRead;
import dev.portal.protocol.toy.FleetKey;
import dev.portal.protocol.toy.ToyReadResult;
import dev.portal.protocol.tree.FrameTree;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/** {@code watch}: prints frames as they come, one line each, until the count or duration is reached (or forever). */
public final class WatchOp {
    /** A frame and the portal it came from. */
    public record Seen(String deviceId, Frame frame) {
    }

    private WatchOp() {
    }

    /**
     * @param max   stop after this many frames (0: no limit)
     * @param until stop after this long (null: no limit)
     */
    public static int run(BlockingQueue<Seen> frames, Output out, long max, Duration until, Optional<FleetKey> toyKey)
            throws InterruptedException {
        return run(frames, out, max, until, () -> true, toyKey);
    }

    /**
     * As above; ends with exit 3 once {@code connected} turns false (the broker or the port went away). With
     * {@code toyKey}, toy areas are judged with it.
     */
    public static int run(BlockingQueue<Seen> frames, Output out, long max, Duration until,
                          java.util.function.BooleanSupplier connected, Optional<FleetKey> toyKey)
            throws InterruptedException {
        long deadline = until == null ? Long.MAX_VALUE : System.nanoTime() + until.toNanos();
        long shown = 0;
        while (max == 0 || shown < max) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            Seen s = frames.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)), TimeUnit.NANOSECONDS);
            if (s == null) {
                if (!connected.getAsBoolean()) {
                    out.note("connection lost after " + shown + " event(s)");
                    return ExitCodes.UNREACHABLE;
                }
                continue;
            }
            if (out.json()) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("deviceId", s.deviceId());
                line.putAll(FrameTree.toTree(s.frame()));
                toyKey.flatMap(k -> judged(s.frame(), k)).ifPresent(j -> line.put("judged", j));
                out.jsonLine(line);
            } else {
                out.line(FrameText.line(s.deviceId(), s.frame(), toyKey));
            }
            shown++;
        }
        return ExitCodes.OK;
    }

    /**
     * A toy-areas frame judged with the key, as the body of the ToyRead a 1.0 portal would have sent: the same
     * fields, written by the protocol's own tree writer.
     */
    private static Optional<Object> judged(Frame frame, FleetKey key) {
        if (!(frame.message() instanceof ToyAreas a)) {
            return Optional.empty();
        }
        ToyReadResult r = a.judge(key);
        Frame read = new Frame(frame.header(), new ToyRead(a.pad(), a.slot(), a.uid(), r.verdict(), r.record()));
        return Optional.of(FrameTree.toTree(read).get("body"));
    }
}
