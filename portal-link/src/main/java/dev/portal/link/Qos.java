package dev.portal.link;

/** The delivery guarantees the portal uses. QoS 2 is left out on purpose: receivers drop duplicates instead. */
public enum Qos {
    /** Fire and forget: a publish completes once written to the socket. */
    AT_MOST_ONCE(0),
    /** Acknowledged: a publish completes on the broker's PUBACK; a receiver acknowledges each message. */
    AT_LEAST_ONCE(1);

    private final int level;

    Qos(int level) {
        this.level = level;
    }

    public int level() {
        return level;
    }

    public static Qos of(int level) {
        return switch (level) {
            case 0 -> AT_MOST_ONCE;
            case 1 -> AT_LEAST_ONCE;
            default -> throw new IllegalArgumentException("QoS " + level + " is not used by the portal");
        };
    }
}
