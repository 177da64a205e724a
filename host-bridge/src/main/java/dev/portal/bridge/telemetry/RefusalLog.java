package dev.portal.bridge.telemetry;

import org.slf4j.Logger;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * Logs refusals without letting a flood of bad input flood the log: per reason, the first few of each minute
 * are logged one by one (input text escaped, {@link LogSafe}); the rest are counted and summed up in one line,
 * "N more &lt;reason&gt; refusals in the last minute", when the minute is over. Every refusal is still counted in
 * game/bridge/status and published on game/deadletter; only the log is thinned. Thread-safe: refusals come from
 * the worker, the summary from a timer.
 */
final class RefusalLog {
    /** Refusals of one reason logged one by one per window. */
    static final int LOGGED_PER_WINDOW = 5;
    static final Duration WINDOW = Duration.ofMinutes(1);

    private final Logger log;
    private final Clock clock;
    private final Map<Refusal, Window> windows = new EnumMap<>(Refusal.class);

    /** One reason's current minute: when it began, how many were logged, how many only counted. */
    private static final class Window {
        long startMillis;
        int logged;
        long unlogged;

        Window(long startMillis) {
            this.startMillis = startMillis;
        }
    }

    RefusalLog(Logger log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    synchronized void refused(Refusal reason, int size, String topic, String detail) {
        long now = clock.millis();
        Window window = windows.computeIfAbsent(reason, r -> new Window(now));
        if (now - window.startMillis >= WINDOW.toMillis()) {
            close(reason, window, now);
        }
        if (window.logged < LOGGED_PER_WINDOW) {
            window.logged++;
            log.warn("refused {} bytes on {}: {} ({})", size, LogSafe.text(topic), reason.jsonName(),
                    LogSafe.text(detail));
        } else {
            window.unlogged++;
        }
    }

    /** Sums up every reason whose minute is over; the bridge calls it periodically, so no summary waits long. */
    synchronized void summarise() {
        long now = clock.millis();
        windows.forEach((reason, window) -> {
            if (now - window.startMillis >= WINDOW.toMillis()) {
                close(reason, window, now);
            }
        });
        // A reason with nothing in its last minute is forgotten: its next refusal is logged again at once.
        windows.values().removeIf(w -> w.logged == 0 && w.unlogged == 0);
    }

    private void close(Refusal reason, Window window, long now) {
        if (window.unlogged > 0) {
            log.warn("{} more {} refusals in the last minute (counted in game/bridge/status, each on game/deadletter)",
                    window.unlogged, reason.jsonName());
        }
        window.startMillis = now;
        window.logged = 0;
        window.unlogged = 0;
    }
}
