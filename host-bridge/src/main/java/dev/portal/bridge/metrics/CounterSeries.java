package dev.portal.bridge.metrics;

import dev.portal.bridge.telemetry.Counter;

import java.util.Optional;

/**
 * Where each of the bridge's {@link Counter}s appears on the metrics page: a counter family (the name without
 * {@code _total}) and, for families that split one thing by outcome, the label that tells the series apart.
 * The switch is exhaustive, so a counter added to the enum does not compile until it has its place here.
 *
 * @param family the Prometheus name, {@code portal_bridge_...}, without the {@code _total} suffix
 * @param help   what the family counts
 * @param label  the label name and this counter's value of it, when the family has several series
 */
record CounterSeries(String family, String help, Optional<Label> label) {

    /** One label of a series: a fixed name and one of a few fixed values (never input from outside). */
    record Label(String name, String value) {
    }

    static CounterSeries of(Counter counter) {
        return switch (counter) {
            case FRAMES_RECEIVED -> plain("frames_received", "Messages on portal/{id}/evt, whatever became of them");
            case FRAMES_APPLIED -> plain("frames_applied", "Frames applied to the state and committed");
            case DUPLICATES_DROPPED -> plain("frames_duplicate", "Frames already applied or already waiting, dropped");
            case HELD_UNKNOWN_BOOT -> held("unknown-boot");
            case HELD_OUT_OF_ORDER -> held("out-of-order");
            case GAPS -> plain("gaps", "Times the bridge went on without frames that never came");
            case REBIRTH_REQUESTS -> rebirths("sent");
            case REBIRTHS_LIMITED -> rebirths("limited");
            case RESEND_REQUESTS -> resends("sent");
            case RESENDS_LIMITED -> resends("limited");
            case CLOCK_CLAMPED -> plain("clock_clamped", "Frames whose synchronised time was too far from their arrival");
            case STATUS_RECEIVED -> plain("status_received", "Messages on portal/{id}/status");
            case STATUS_IGNORED -> plain("status_ignored", "Well-formed statuses that named no current boot");
            case UPDATES_RECEIVED -> plain("game_update_requests", "Requests on game/toys/{uid}/update");
            case UPDATES_APPLIED -> update("applied");
            case UPDATES_REJECTED -> update("rejected");
            case WEBCODES_RECEIVED -> player("webcode", "received");
            case WEBCODES_APPLIED -> player("webcode", "applied");
            case WEBCODES_REJECTED -> player("webcode", "rejected");
            case CLAIMS_RECEIVED -> player("claim", "received");
            case CLAIMS_APPLIED -> player("claim", "applied");
            case CLAIMS_REJECTED -> player("claim", "rejected");
            case HISTORY_RECEIVED -> player("history", "received");
            case HISTORY_APPLIED -> player("history", "applied");
            case HISTORY_REJECTED -> player("history", "rejected");
            case PLAYER_REQUESTS_RECEIVED -> player("player", "received");
            case PLAYER_REQUESTS_APPLIED -> player("player", "applied");
            case PLAYER_REQUESTS_REJECTED -> player("player", "rejected");
            case GAME_REQUESTS_LIMITED -> plain("game_requests_limited",
                    "Player-API requests answered rejected because their replyTo or toy went over its rate");
            case TOY_WRITES_SENT -> plain("tag_writes_sent", "WriteToy commands sent to portals");
            case TOY_WRITES_CONFIRMED -> tagWrite("confirmed");
            case TOY_WRITES_FAILED -> tagWrite("failed");
            case TOY_WRITES_TIMED_OUT -> tagWrite("timed-out");
            case UNMATCHED_COMMAND_RESULTS -> plain("unmatched_command_results",
                    "CommandResults that answer no command the bridge waits for");
            case COMMAND_REPORTS_IGNORED -> plain("command_reports_ignored", "CommandReports, kept nowhere");
            case VERDICTS_SKIPPED -> plain("verdicts_skipped", "Verdicts not sent because the read was over 10 s old");
            case EVENTS_PUBLISHED -> plain("events_published", "Events published on game/events");
            case EVENTS_RESENT -> plain("events_resent", "Events published again (left from a run, or unconfirmed)");
            case PUBLISH_FAILURES -> plain("publish_failures", "Publishes the MQTT link failed");
            case INTERNAL_ERRORS -> plain("internal_errors", "Messages whose handling threw");
            case STORE_PAUSES -> plain("store_pauses", "Times the database became unavailable and the bridge paused");
            case DEAD_LETTERS_UNPUBLISHED -> plain("dead_letters_unpublished",
                    "Dead letters counted but not published: their sender went over its rate");
        };
    }

    /** The name as Prometheus shows it, {@code portal_bridge_...}. */
    String name() {
        return "portal_bridge_" + family;
    }

    private static CounterSeries plain(String family, String help) {
        return new CounterSeries(family, help, Optional.empty());
    }

    private static CounterSeries held(String why) {
        return labelled("frames_held", "Frames held for the reorder window, by why", "why", why);
    }

    private static CounterSeries resends(String outcome) {
        return labelled("resend_requests", "resend_frames commands: sent, or skipped by the limit for all portals",
                "outcome", outcome);
    }

    private static CounterSeries rebirths(String outcome) {
        return labelled("rebirth_requests", "Rebirth commands: sent, or skipped by the limit for all portals",
                "outcome", outcome);
    }

    /** The player API's requests (web codes, claims, history, player requests), by kind and stage. */
    private static CounterSeries player(String kind, String stage) {
        return new CounterSeries("player_requests_" + stage, "Player-API requests " + stage + ", by kind",
                Optional.of(new Label("kind", kind)));
    }

    private static CounterSeries update(String outcome) {
        return labelled("game_updates", "Game update requests by outcome", "outcome", outcome);
    }

    private static CounterSeries tagWrite(String outcome) {
        return labelled("tag_writes", "Tag writes by how the portal answered (or did not in time)", "outcome",
                outcome);
    }

    private static CounterSeries labelled(String family, String help, String label, String value) {
        return new CounterSeries(family, help, Optional.of(new Label(label, value)));
    }
}
