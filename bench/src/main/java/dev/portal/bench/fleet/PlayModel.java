package dev.portal.bench.fleet;

import java.time.Duration;

/**
 * How a family plays with its portal in the evening, the peak of a day: the portal is on and connected all
 * evening and sends a heartbeat every {@code heartbeat} (portal-device's default period); there are
 * {@code sessionsPerEvening} play sessions of {@code session} each within {@code evening}; a session puts
 * {@code toysPerSession} toys down at random moments, each staying about {@code toyStay} (half to one and a half
 * times that) or until the session ends, on one of {@code pads} pads (a toy put on a full portal takes the place
 * of the one that has been there longest). Time runs {@code speedUp} times faster than a real evening: every
 * period above is divided by it, so the benchmark offers {@code speedUp} evenings' load at once.
 */
record PlayModel(int toysPerSession, int sessionsPerEvening, Duration session, Duration evening, Duration toyStay,
                 Duration heartbeat, int pads, int toyBox, double speedUp) {

    /** Frames a real portal sends for one toy: TagPlaced, ToyAreas, the CommandResult of its verdict, TagRemoved. */
    static final int FRAMES_PER_TOY = 4;

    PlayModel {
        if (speedUp <= 0 || toysPerSession < 1 || sessionsPerEvening < 1 || pads < 1 || toyBox <= pads) {
            throw new IllegalArgumentException("not a play model: " + toysPerSession + " toys, " + sessionsPerEvening
                    + " sessions, " + pads + " pads, " + toyBox + " toys in the box, speed-up " + speedUp);
        }
        if (session.multipliedBy(sessionsPerEvening).compareTo(evening) >= 0) {
            throw new IllegalArgumentException("the sessions must leave idle time in the evening");
        }
    }

    static PlayModel evening(double speedUp) {
        return new PlayModel(6, 2, Duration.ofMinutes(30), Duration.ofHours(3), Duration.ofMinutes(8),
                Duration.ofSeconds(30), 3, 8, speedUp);
    }

    /** Share of the evening a portal is in a session. */
    double duty() {
        return (double) session.multipliedBy(sessionsPerEvening).toNanos() / evening.toNanos();
    }

    /** Mean idle time between sessions (real time). */
    Duration meanIdle() {
        return evening.minus(session.multipliedBy(sessionsPerEvening)).dividedBy(sessionsPerEvening);
    }

    /** Nanoseconds of benchmark time for a real duration. */
    long scaledNanos(Duration real) {
        return Math.max(1, Math.round(real.toNanos() / speedUp));
    }

    /** Frames one portal sends per real second over the evening, by the model. */
    double framesPerPortalSecond() {
        double heartbeats = 1e9 / heartbeat.toNanos();
        double toys = duty() * toysPerSession / (session.toNanos() / 1e9);
        return heartbeats + toys * FRAMES_PER_TOY;
    }

    String describe() {
        return String.format("%d play sessions of %d min per %d-hour evening (a portal is in a session %.0f %% of "
                        + "the evening; idle gaps between sessions are exponential, mean %d min), %d toys put down per "
                        + "session at random moments, each staying %d min on average (%.0f-%.0f min, or until the "
                        + "session ends), %d pads (a toy put on a full portal replaces the one there longest), a "
                        + "heartbeat every %d s, always connected. Each toy costs %d frames (TagPlaced, ToyAreas, the "
                        + "CommandResult answering the bridge's ShowVerdict, TagRemoved): %.4f frames per portal per "
                        + "real second, of which %.4f heartbeats. Time is compressed %.0fx: every period is divided by "
                        + "%.0f (a heartbeat every %.1f s, a session of %.0f s), so N simulated portals offer the load "
                        + "of %.0f x N real ones; each portal starts in the evening's steady state (in a session, "
                        + "part-way through, with probability %.2f).",
                sessionsPerEvening, session.toMinutes(), evening.toHours(), 100 * duty(), meanIdle().toMinutes(),
                toysPerSession, toyStay.toMinutes(), toyStay.toMinutes() * 0.5, toyStay.toMinutes() * 1.5, pads,
                heartbeat.toSeconds(), FRAMES_PER_TOY, framesPerPortalSecond(), 1e9 / heartbeat.toNanos(), speedUp,
                speedUp, heartbeat.toMillis() / 1000.0 / speedUp, session.toSeconds() / speedUp, speedUp, duty());
    }
}
