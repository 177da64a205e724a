package dev.portal.bridge.telemetry;

/**
 * What the bridge counts, each under the name it has in the "counters" object of the retained
 * game/bridge/status (host-bridge/asyncapi.yaml). The names are spelled out rather than derived from the
 * constants so that renaming a constant cannot change what game servers read.
 */
public enum Counter {
    /** Messages on portal/{id}/evt, whatever became of them. */
    FRAMES_RECEIVED("framesReceived"),
    /** Frames applied to the state and committed. */
    FRAMES_APPLIED("framesApplied"),
    /** Frames already applied or already waiting, dropped. */
    DUPLICATES_DROPPED("duplicatesDropped"),
    /** Frames of a boot no Birth has announced yet, held for the reorder window. */
    HELD_UNKNOWN_BOOT("heldUnknownBoot"),
    /** Frames that came before missing ones, held for the reorder window. */
    HELD_OUT_OF_ORDER("heldOutOfOrder"),
    /** Times the bridge went on without frames that never came. */
    GAPS("gaps"),
    /** Rebirth commands sent to portals. */
    REBIRTH_REQUESTS("rebirthRequests"),
    /** Rebirth commands not sent because all portals together had their share (InputLimits.rebirths). */
    REBIRTHS_LIMITED("rebirthsLimited"),
    /** resend_frames commands sent to portals whose parked frames wait for frames no bridge received. */
    RESEND_REQUESTS("resendRequests"),
    /** resend_frames commands not sent because all portals together had their share (InputLimits.rebirths). */
    RESENDS_LIMITED("resendsLimited"),
    /** Frames whose CLOCK_SYNCED time was further from the receive time than the allowed skew: clamped. */
    CLOCK_CLAMPED("clockClamped"),
    /** Messages on portal/{id}/status. */
    STATUS_RECEIVED("statusReceived"),
    /**
     * Well-formed statuses that name no current boot: a late will of an earlier boot, or a portal the bridge has
     * no Birth of. They change nothing.
     */
    STATUS_IGNORED("statusIgnored"),
    /** Requests on game/toys/{uid}/update. */
    UPDATES_RECEIVED("updatesReceived"),
    UPDATES_APPLIED("updatesApplied"),
    UPDATES_REJECTED("updatesRejected"),
    /** Web-code registrations on game/toys/{uid}/webcode (portalctl provision), and how they ended. */
    WEBCODES_RECEIVED("webcodesReceived"),
    WEBCODES_APPLIED("webcodesApplied"),
    WEBCODES_REJECTED("webcodesRejected"),
    /** Claims on game/toys/{uid}/claim. */
    CLAIMS_RECEIVED("claimsReceived"),
    CLAIMS_APPLIED("claimsApplied"),
    CLAIMS_REJECTED("claimsRejected"),
    /** History requests on game/toys/{uid}/history. */
    HISTORY_RECEIVED("historyReceived"),
    HISTORY_APPLIED("historyApplied"),
    HISTORY_REJECTED("historyRejected"),
    /** Requests on game/players/{player}/request (toys, export, forget). */
    PLAYER_REQUESTS_RECEIVED("playerRequestsReceived"),
    PLAYER_REQUESTS_APPLIED("playerRequestsApplied"),
    PLAYER_REQUESTS_REJECTED("playerRequestsRejected"),
    /** Game requests of those four kinds rejected because their sender (or toy) went over its rate limit. */
    GAME_REQUESTS_LIMITED("gameRequestsLimited"),
    TOY_WRITES_SENT("toyWritesSent"),
    TOY_WRITES_CONFIRMED("toyWritesConfirmed"),
    TOY_WRITES_FAILED("toyWritesFailed"),
    TOY_WRITES_TIMED_OUT("toyWritesTimedOut"),
    /** CommandResults that answer no command this bridge is waiting for. */
    UNMATCHED_COMMAND_RESULTS("unmatchedCommandResults"),
    /** CommandReports: typed outcome data for technicians' tools, tracked in the stream but kept nowhere. */
    COMMAND_REPORTS_IGNORED("commandReportsIgnored"),
    /** Verdicts not sent to a portal because the read was over 10 s old (a backlog after an outage). */
    VERDICTS_SKIPPED("verdictsSkipped"),
    EVENTS_PUBLISHED("eventsPublished"),
    /** Events published again: left over from a previous run, or not confirmed in time. */
    EVENTS_RESENT("eventsResent"),
    /** Publishes the link failed (the broker away longer than the link waits for room). */
    PUBLISH_FAILURES("publishFailures"),
    /** Messages whose handling threw; acknowledged so they do not come back. */
    INTERNAL_ERRORS("internalErrors"),
    /** Times the store became unavailable and the bridge paused, acknowledging nothing, until it was back. */
    STORE_PAUSES("storePauses"),
    /** Dead letters counted but not published: their sender went over the rate limit (DeadLetters). */
    DEAD_LETTERS_UNPUBLISHED("deadLettersUnpublished");

    private final String jsonName;

    Counter(String jsonName) {
        this.jsonName = jsonName;
    }

    /** Its key in game/bridge/status. */
    public String jsonName() {
        return jsonName;
    }
}
