package dev.portal.bridge.game;

import dev.portal.bridge.state.GameEvent;
import dev.portal.bridge.state.PortalState;

import java.util.List;

/**
 * Hears what the publisher sends game servers, after it was committed: the bridge's metrics and its Home
 * Assistant discovery follow the same portals and events as the game topics, never a second reading of them.
 * Called on the bridge's worker thread; an observer must be quick and must not throw.
 */
public interface PublishObserver {
    /** Observes nothing. */
    PublishObserver NONE = new PublishObserver() {
    };

    /** A portal's retained document went out (on start for every known portal, then on each change). */
    default void portal(PortalState portal) {
    }

    /** Committed events went out on game/events, in their order, at {@code publishedMillis}. */
    default void events(List<GameEvent> events, long publishedMillis) {
    }

    /**
     * Each of {@code observers} in turn. One that throws is logged and passed over: what the bridge does after
     * publishing (tag writes, verdicts, Rebirths) must not depend on a dashboard or a home automation.
     */
    static PublishObserver all(List<PublishObserver> observers) {
        List<PublishObserver> copy = List.copyOf(observers);
        return new PublishObserver() {
            @Override
            public void portal(PortalState portal) {
                copy.forEach(o -> guarded(() -> o.portal(portal)));
            }

            @Override
            public void events(List<GameEvent> events, long publishedMillis) {
                copy.forEach(o -> guarded(() -> o.events(events, publishedMillis)));
            }
        };
    }

    private static void guarded(Runnable observe) {
        try {
            observe.run();
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(PublishObserver.class).error("a publish observer failed", e);
        }
    }
}
