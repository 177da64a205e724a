package dev.portal.bridge.ingest;

import dev.portal.bridge.command.CommandSender;
import dev.portal.bridge.telemetry.BridgeCounters;
import dev.portal.bridge.telemetry.Counter;
import dev.portal.link.LinkException;
import dev.portal.protocol.frame.ResendFrames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;

/**
 * Asks portals to publish again the frames their parked frames wait for (resend_frames). A broker can
 * acknowledge a portal's frame and deliver it to no bridge (Mosquitto forgets a shared subscription over its
 * restart), and a portal's own resend stops at the broker's PUBACK: only the portal still has the frame, in the
 * delivered frames its outbox keeps. The answer comes in the portal's stream behind the gap, so the bridge does
 * not wait for it: the frames either come, or the wait ends as before. Limited like Rebirths ({@link
 * RequestLimiter}); a portal that answers nothing costs one command per limit period.
 */
final class ResendRequests {
    private static final Logger LOG = LoggerFactory.getLogger(ResendRequests.class);

    private final CommandSender commands;
    private final RequestLimiter limiter;
    private final BridgeCounters counters;
    private final Clock clock;

    ResendRequests(CommandSender commands, RequestLimiter limiter, BridgeCounters counters, Clock clock) {
        this.commands = commands;
        this.limiter = limiter;
        this.counters = counters;
        this.clock = clock;
    }

    /** Sends {@code asks} (one per boot with a hole) to the portal, unless it was asked moments ago. */
    void ask(String deviceId, List<ResendFrames> asks) {
        if (asks.isEmpty()) {
            return;
        }
        RequestLimiter.Verdict verdict = limiter.ask(deviceId, clock.millis());
        if (verdict == RequestLimiter.Verdict.OVER_TOTAL) {
            counters.count(Counter.RESENDS_LIMITED);
        }
        if (verdict != RequestLimiter.Verdict.SEND) {
            return;
        }
        for (ResendFrames ask : asks) {
            try {
                commands.send(deviceId, ask);
                counters.count(Counter.RESEND_REQUESTS);
                LOG.info("asked {} to send frames {}..{} of boot {} again", deviceId, ask.fromSeq(), ask.toSeq(),
                        String.format("%08x", ask.bootId()));
            } catch (LinkException e) {
                LOG.warn("could not ask {} to send frames again: {}", deviceId, e.getMessage());
            }
        }
    }
}
