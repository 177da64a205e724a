package dev.portal.hardware.pn532.link;

/** What went wrong on the host link and was recovered from; read by diagnostics and tests. One owner thread. */
public final class LinkCounters {
    long resends;
    long nacks;
    long lostAcks;
    long ackTimeouts;
    long responseTimeouts;
    long corruptFrames;
    long strayFrames;

    public long resends() {
        return resends;
    }

    public long nacks() {
        return nacks;
    }

    public long lostAcks() {
        return lostAcks;
    }

    public long ackTimeouts() {
        return ackTimeouts;
    }

    public long responseTimeouts() {
        return responseTimeouts;
    }

    public long corruptFrames() {
        return corruptFrames;
    }

    public long strayFrames() {
        return strayFrames;
    }

    @Override
    public String toString() {
        return "resends=" + resends + " nacks=" + nacks + " lostAcks=" + lostAcks + " ackTimeouts=" + ackTimeouts
                + " responseTimeouts=" + responseTimeouts + " corrupt=" + corruptFrames + " stray=" + strayFrames;
    }
}
