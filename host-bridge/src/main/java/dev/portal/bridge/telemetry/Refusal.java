package dev.portal.bridge.telemetry;

/**
 * Why the bridge refused input: the "reason" of a dead letter on game/deadletter and its key under
 * counters.deadLetters in game/bridge/status (the enum of DeadLetter.reason in host-bridge/asyncapi.yaml).
 */
public enum Refusal {
    /** A topic the filters let through that names no portal of ours nor a toy. */
    BAD_TOPIC("bad-topic"),
    /** A message larger than anything its topic may carry (a frame over the protocol's limit, say). */
    OVERSIZED("oversized"),
    /** Bytes that are no frame (bad check value, bad length, unknown type...). */
    UNDECODABLE("undecodable"),
    /** A Birth naming another device than its topic does. */
    DEVICE_MISMATCH("device-mismatch"),
    /** A Birth of a portal new to the bridge beyond the limit of new portals per minute (InputLimits). */
    TOO_MANY_PORTALS("too-many-portals"),
    /** A Birth of a new boot beyond its portal's limit of new boots (InputLimits). */
    TOO_MANY_BOOTS("too-many-boots"),
    /** A command sent by a portal: only the bridge sends commands. */
    UNEXPECTED_COMMAND("unexpected-command"),
    /** Frames of a boot no Birth announced within the reorder window. */
    UNANNOUNCED_BOOT("unannounced-boot"),
    /** A frame whose application failed even alone; skipped so its device's stream goes on. */
    APPLY_FAILED("apply-failed"),
    /** An update request that cannot be answered (not JSON, no usable replyTo or correlationId). */
    BAD_REQUEST("bad-request"),
    /** A portal status not in the form portal-device writes (state, the topic's deviceId, an 8-hex-digit bootId). */
    BAD_STATUS("bad-status"),
    /** A ToyRead from a portal: a verdict only the bridge, holding the toy key, may give (protocol 1.1). */
    UNTRUSTED_VERDICT("untrusted-verdict");

    private final String jsonName;

    Refusal(String jsonName) {
        this.jsonName = jsonName;
    }

    /** Its spelling in dead letters and in game/bridge/status. */
    public String jsonName() {
        return jsonName;
    }
}
