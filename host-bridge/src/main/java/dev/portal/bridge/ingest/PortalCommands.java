package dev.portal.bridge.ingest;

import dev.portal.bridge.command.CommandSender;
import dev.portal.bridge.state.AfterCommit;
import dev.portal.bridge.telemetry.BridgeCounters;
import dev.portal.bridge.telemetry.Counter;
import dev.portal.link.LinkException;
import dev.portal.protocol.frame.Rebirth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;

/**
 * The commands the frame path sends portals of its own accord: Rebirth requests after a gap and the verdicts
 * for their pads' lights. Each is limited, so that input from outside cannot make the bridge flood portals.
 */
final class PortalCommands {
    private static final Logger LOG = LoggerFactory.getLogger(PortalCommands.class);
    /** A verdict for a read older than this is not shown: the player has moved on. */
    private static final Duration STALE_VERDICT = Duration.ofSeconds(10);

    private final CommandSender commands;
    private final RequestLimiter rebirths;
    private final BridgeCounters counters;
    private final Clock clock;

    PortalCommands(CommandSender commands, RequestLimiter rebirths, BridgeCounters counters, Clock clock) {
        this.commands = commands;
        this.rebirths = rebirths;
        this.counters = counters;
        this.clock = clock;
    }

    /** The portal's light follows the bridge's verdict; a lost one only leaves "not verified yet" showing. */
    void showVerdict(AfterCommit.Verdict verdict) {
        if (clock.millis() - verdict.readMillis() > STALE_VERDICT.toMillis()) {
            // A backlog applied after an outage: the toy has long been lit or gone, and a burst of light commands
            // would fill the portal's command queue ahead of the writes that matter.
            counters.count(Counter.VERDICTS_SKIPPED);
            return;
        }
        try {
            commands.send(verdict.deviceId(), verdict.command());
        } catch (LinkException e) {
            LOG.debug("could not send the verdict for {} to {}: {}", verdict.command().uid(), verdict.deviceId(),
                    e.getMessage());
        }
    }

    void requestRebirth(String deviceId) {
        RequestLimiter.Verdict verdict = rebirths.ask(deviceId, clock.millis());
        if (verdict == RequestLimiter.Verdict.OVER_TOTAL) {
            counters.count(Counter.REBIRTHS_LIMITED);
        }
        if (verdict != RequestLimiter.Verdict.SEND) {
            return;
        }
        try {
            commands.send(deviceId, new Rebirth());
            counters.count(Counter.REBIRTH_REQUESTS);
            LOG.info("asked {} for a rebirth", deviceId);
        } catch (LinkException e) {
            LOG.warn("could not ask {} for a rebirth: {}", deviceId, e.getMessage());
        }
    }
}
