package dev.portal.portalctl.inspect;

import dev.portal.portalctl.ExitCodes;
import dev.portal.portalctl.cli.Output;
import dev.portal.protocol.frame.Frame;
import dev.portal.protocol.tree.FrameTree;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
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
    public static int run(BlockingQueue<Seen> frames, Output out, long max, Duration until) throws InterruptedException {
        return run(frames, out, max, until, () -> true);
    }

    /** As above; ends with exit 3 once {@code connected} turns false (the broker or the port went away). */
    public static int run(BlockingQueue<Seen> frames, Output out, long max, Duration until,
                          java.util.function.BooleanSupplier connected) throws InterruptedException {
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
                out.jsonLine(line);
            } else {
                out.line(FrameText.line(s.deviceId(), s.frame()));
            }
            shown++;
        }
        return ExitCodes.OK;
    }
}
