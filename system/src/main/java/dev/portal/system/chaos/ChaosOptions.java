package dev.portal.system.chaos;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How a chaos run is set up. A run of three minutes or more injects the full set of faults (10 broker restarts,
 * 10 portal kills, 10 bridge kills, a 30 s partition); shorter runs scale the counts down, at least one each.
 */
public record ChaosOptions(Duration duration, int portals, int pads, int toysPerPortal, long seed,
                           double missedAnswers, double bitErrors, Path dir) {

    public static final Duration FULL = Duration.ofMinutes(3);

    public static ChaosOptions defaults(Duration duration, Path dir) {
        // 3 portals x 56 toys, each on for 0.5-1.5 s and off for 0.7-1.5 s: about 150 events/s in total while
        // every portal is up. Missed answers: per answer; 1 % misses about 5 % of the polls of a pad with tags.
        // Bit errors: per bit; 1e-4 corrupts about 1 % of the short answers a poll gets.
        return new ChaosOptions(duration, 3, 4, 56, 20261126L, 0.01, 0.0001, dir);
    }

    public ChaosOptions withSeed(long s) {
        return new ChaosOptions(duration, portals, pads, toysPerPortal, s, missedAnswers, bitErrors, dir);
    }

    public ChaosOptions withPortals(int n, int toys) {
        return new ChaosOptions(duration, n, pads, toys, seed, missedAnswers, bitErrors, dir);
    }

    /** 10 of each fault kind at full length, proportionally fewer in shorter runs, never none. */
    public int faultCount() {
        double scale = Math.min(1.0, (double) duration.toMillis() / FULL.toMillis());
        return Math.max(1, (int) Math.round(10 * scale));
    }

    /** 30 s at full length; a sixth of a shorter run, at least 5 s. */
    public Duration partition() {
        if (duration.compareTo(FULL) >= 0) {
            return Duration.ofSeconds(30);
        }
        return Duration.ofMillis(Math.max(5_000, duration.toMillis() / 6));
    }
}
