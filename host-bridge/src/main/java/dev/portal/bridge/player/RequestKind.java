package dev.portal.bridge.player;

import dev.portal.bridge.telemetry.Counter;
import dev.portal.link.GameTopics;

/** The game requests of the player API, each with its own received / applied / rejected counters. */
enum RequestKind {
    WEBCODE(Counter.WEBCODES_RECEIVED, Counter.WEBCODES_APPLIED, Counter.WEBCODES_REJECTED),
    CLAIM(Counter.CLAIMS_RECEIVED, Counter.CLAIMS_APPLIED, Counter.CLAIMS_REJECTED),
    HISTORY(Counter.HISTORY_RECEIVED, Counter.HISTORY_APPLIED, Counter.HISTORY_REJECTED),
    PLAYER(Counter.PLAYER_REQUESTS_RECEIVED, Counter.PLAYER_REQUESTS_APPLIED, Counter.PLAYER_REQUESTS_REJECTED);

    final Counter received;
    final Counter applied;
    final Counter rejected;

    RequestKind(Counter received, Counter applied, Counter rejected) {
        this.received = received;
        this.applied = applied;
        this.rejected = rejected;
    }

    static RequestKind of(GameTopics.ToyRequestKind kind) {
        return switch (kind) {
            case WEBCODE -> WEBCODE;
            case CLAIM -> CLAIM;
            case HISTORY -> HISTORY;
        };
    }
}
