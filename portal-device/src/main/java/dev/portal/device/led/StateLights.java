package dev.portal.device.led;

import dev.portal.protocol.frame.LedMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;

/**
 * Keeps what each pad's LED shows and hands it to an output (an RGB LED on GPIO, or nothing in the simulator). Host overrides expire by time stamp when the next state arrives or is asked for; no timer thread.
 */
public final class StateLights implements PadLights {
    private static final Logger LOG = LoggerFactory.getLogger(StateLights.class);

    /** Drives one pad's physical LED. */
    public interface Output {
        void show(int pad, int rgb, LedMode mode);
    }

    private final LedSignal[] signals;
    private final int[] overrideRgb;
    private final LedMode[] overrideMode;
    private final long[] overrideUntil;
    private final Output output;

    public StateLights(int pads, Output output) {
        signals = new LedSignal[pads];
        Arrays.fill(signals, LedSignal.IDLE);
        overrideRgb = new int[pads];
        overrideMode = new LedMode[pads];
        overrideUntil = new long[pads];
        this.output = output;
    }

    @Override
    public synchronized void signal(int pad, LedSignal signal) {
        if (pad < 0 || pad >= signals.length) {
            return;
        }
        signals[pad] = signal;
        push(pad);
    }

    @Override
    public synchronized void set(int pad, int rgb, LedMode mode, long durationMillis) {
        if (pad < 0 || pad >= signals.length) {
            return;
        }
        overrideRgb[pad] = rgb;
        overrideMode[pad] = mode;
        overrideUntil[pad] = durationMillis == 0 ? Long.MAX_VALUE : System.currentTimeMillis() + durationMillis;
        push(pad);
    }

    private boolean overridden(int pad) {
        return overrideMode[pad] != null && System.currentTimeMillis() < overrideUntil[pad];
    }

    private void push(int pad) {
        boolean host = overridden(pad);
        try {
            output.show(pad, host ? overrideRgb[pad] : signals[pad].rgb(), host ? overrideMode[pad] : signals[pad].mode());
        } catch (RuntimeException e) {
            LOG.warn("LED of pad {}: {}", pad, e.toString());
        }
    }

    @Override
    public synchronized String describe(int pad) {
        if (pad < 0 || pad >= signals.length) {
            return "none";
        }
        if (overridden(pad)) {
            return String.format("host #%06X %s", overrideRgb[pad], overrideMode[pad]);
        }
        return String.format("%s #%06X %s", signals[pad], signals[pad].rgb(), signals[pad].mode());
    }

    public static StateLights withoutOutput(int pads) {
        return new StateLights(pads, (pad, rgb, mode) -> { });
    }
}
