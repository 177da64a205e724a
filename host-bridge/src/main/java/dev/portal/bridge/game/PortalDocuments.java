package dev.portal.bridge.game;

import dev.portal.bridge.state.PortalState;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Paces the retained document of each portal: at most one per {@code interval}. A change within the interval is
 * held and the newest held state goes out when the interval is over ({@link #sendDue}), so a game server still
 * ends up with the portal's latest state, but a portal that sends heartbeats or Births as fast as it can costs
 * the broker one retained publish per interval rather than one per frame. Not thread-safe: the worker uses it.
 */
final class PortalDocuments {
    private final Clock clock;
    private final long intervalMillis;
    private final Consumer<PortalState> send;
    /** Per portal: when its last document went out, and the state waiting for the interval to pass, if any. */
    private final Map<String, Paced> portals = new HashMap<>();

    private static final class Paced {
        long sentMillis;
        PortalState waiting;

        Paced(long sentMillis) {
            this.sentMillis = sentMillis;
        }
    }

    PortalDocuments(Clock clock, Duration interval, Consumer<PortalState> send) {
        this.clock = clock;
        this.intervalMillis = interval.toMillis();
        this.send = send;
    }

    void publish(PortalState portal) {
        long now = clock.millis();
        Paced paced = portals.get(portal.deviceId());
        if (paced == null || now - paced.sentMillis >= intervalMillis) {
            portals.put(portal.deviceId(), new Paced(now));
            send.accept(portal);
        } else {
            paced.waiting = portal;
        }
    }

    /** Sends what waited and may go now; forgets portals quiet for an interval (their next one goes at once). */
    void sendDue() {
        long now = clock.millis();
        for (Iterator<Map.Entry<String, Paced>> it = portals.entrySet().iterator(); it.hasNext(); ) {
            Paced paced = it.next().getValue();
            if (now - paced.sentMillis < intervalMillis) {
                continue;
            }
            if (paced.waiting == null) {
                it.remove();
            } else {
                send.accept(paced.waiting);
                paced.waiting = null;
                paced.sentMillis = now;
            }
        }
    }
}
