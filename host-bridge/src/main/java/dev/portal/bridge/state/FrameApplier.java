package dev.portal.bridge.state;

import dev.portal.protocol.frame.Birth;
import dev.portal.protocol.frame.Command;
import dev.portal.protocol.frame.CommandReport;
import dev.portal.protocol.frame.CommandResult;
import dev.portal.protocol.frame.Frame;
import dev.portal.protocol.frame.Heartbeat;
import dev.portal.protocol.frame.Message;
import dev.portal.protocol.frame.PadCalibration;
import dev.portal.protocol.frame.PadInfo;
import dev.portal.protocol.frame.TagPlaced;
import dev.portal.protocol.frame.TagRemoved;
import dev.portal.protocol.frame.ToyAreas;
import dev.portal.protocol.frame.ToyRead;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies one in-order frame of one device to the stored state, inside the caller's transaction, together with
 * the stream position that makes replaying it a no-op.
 */
public final class FrameApplier {
    /** How stale a portal's stored lastSeen may get while its frames flow. */
    static final long LAST_SEEN_RESOLUTION_MILLIS = 5_000;

    private final PlacementRules placements;
    private final ToyReadRules toyReads;
    private final int bootsKept;
    private final LateHistory lateHistory;

    /**
     * @param restartGrace how soon after its Birth a restarted portal must find a toy for it to keep its session
     * @param toys         judges the areas portals read and plans the writes
     * @param bootsKept    how many boots of a portal keep their stream position (the newest, the current one always)
     */
    public FrameApplier(Duration restartGrace, ToyAuthority toys, int bootsKept) {
        this.placements = new PlacementRules(restartGrace.toMillis());
        this.lateHistory = new LateHistory(placements);
        this.toyReads = new ToyReadRules(toys);
        this.bootsKept = bootsKept;
    }

    public AfterCommit apply(StateTx tx, String deviceId, Frame frame, long atMillis) {
        AfterCommit after = applyState(tx, deviceId, frame, atMillis);
        tx.saveStream(new StreamPosition(deviceId, frame.header().bootId(), frame.header().sequence()), atMillis);
        return after;
    }

    /**
     * The state change alone: the caller saves the stream position in the same transaction (once per
     * (device, boot) for a batch of frames). A frame of a boot older than the portal's current one comes late:
     * the portal restarted after sending it (its outbox sends it again on the new boot's connection), or a broker
     * lost it and the portal sent it again when asked. What lies on the pads now is the newest boot's to say, so
     * such a frame is history ({@link LateHistory}): its placement never displaces one a newer boot announced,
     * its removal ends only what its own boot placed, and its reads are dropped (a read opens a placement when
     * its TagPlaced is missing, and an old read would make a newer one look rolled back; the newest boot reads
     * every toy it finds).
     */
    public AfterCommit applyState(StateTx tx, String deviceId, Frame frame, long atMillis) {
        AfterCommit after = new AfterCommit();
        long boot = frame.header().bootId();
        long seq = frame.header().sequence();
        PortalState portal = tx.portal(deviceId).orElse(PortalState.unknown(deviceId, atMillis));
        Message message = frame.message();
        boolean older = olderBoot(tx, portal, boot);
        switch (message) {
            // A Birth of a boot born before the current one is an old answer that came late (bridges sharing the
            // portals may apply it after the new boot's Birth): the portal stays on its newest boot.
            case Birth birth -> portal = older ? portal
                    : birth(tx, portal, birth, boot, atMillis, after);
            case Heartbeat heartbeat -> portal = portal.withHealth(heartbeat.counters().toTree(), atMillis);
            case TagPlaced placed -> {
                if (older) {
                    lateHistory.placed(tx, deviceId, boot, seq, placed, atMillis, after);
                } else {
                    placements.placed(tx, deviceId, boot, seq, placed, atMillis, after);
                }
            }
            case TagRemoved removed -> {
                if (older) {
                    lateHistory.removed(tx, deviceId, boot, removed, atMillis, after);
                } else {
                    placements.removed(tx, deviceId, removed, atMillis, after);
                }
            }
            case ToyAreas areas -> {
                if (!older) {
                    toyReads.areas(tx, deviceId, boot, seq, areas, atMillis, after, placements);
                }
            }
            // Only a foreign toy's read gets here (1.2): any other verdict a portal claims is worth nothing (it
            // holds no key), and FrameIngest refuses it.
            case ToyRead read -> {
                if (!older) {
                    toyReads.foreign(tx, deviceId, boot, seq, read, atMillis, after, placements);
                }
            }
            case CommandResult result -> after.result(new AfterCommit.DeviceResult(deviceId, result));
            case Command ignored -> {
                // Devices do not send commands; FrameIngest refuses them before they get here.
            }
            case CommandReport ignored -> {
                // Typed outcome data for portalctl; the bridge keeps none of it (FrameIngest counts it).
            }
        }
        boolean changed = message instanceof Birth || message instanceof Heartbeat || !portal.online();
        PortalState seen = portal.withOnline(true, atMillis);
        if (changed) {
            tx.savePortal(seen);
            after.portal(seen);
        } else if (atMillis - portal.lastSeenMillis() >= LAST_SEEN_RESOLUTION_MILLIS) {
            tx.savePortal(seen); // lastSeen only: not worth a write per frame
        }
        return after;
    }

    /** Whether {@code boot} was born before the portal's current boot (both known to the store). */
    private static boolean olderBoot(StateTx tx, PortalState portal, long boot) {
        Long current = portal.bootId();
        if (current == null || current == boot) {
            return false;
        }
        Optional<Long> born = tx.bootBornMillis(portal.deviceId(), boot);
        Optional<Long> currentBorn = tx.bootBornMillis(portal.deviceId(), current);
        return born.isPresent() && currentBorn.isPresent() && born.get() < currentBorn.get();
    }

    private PortalState birth(StateTx tx, PortalState before, Birth birth, long boot, long atMillis, AfterCommit after) {
        if (before.bootId() != null && before.bootId() != boot) {
            // The device restarted: it will announce the toys still there, which keeps their sessions going;
            // the others are closed by sweepOldBoots once the grace period is over.
            after.restarted(birth.deviceId());
            // A row per boot, kept for ever, would grow with every restart (and a made-up boot id per Birth).
            tx.keepNewestBoots(birth.deviceId(), boot, bootsKept);
        }
        List<String> capabilities = birth.capabilities().stream().map(Enum::name).sorted().toList();
        List<Map<String, Object>> pads = birth.pads().stream().map(FrameApplier::pad).toList();
        Map<String, Object> calibration = Map.of("pads",
                birth.calibration().pads().stream().map(FrameApplier::calibration).toList());
        return new PortalState(birth.deviceId(), true, boot, birth.firmwareVersion(), capabilities, pads,
                calibration, birth.configVersion(), before.health(), atMillis);
    }

    /**
     * Closes the placements of {@code deviceId} that its current boot has not announced again (the toys that
     * went while the portal restarted). Run once the new boot has had its grace period; {@code nowMillis} is the
     * bridge's time then, used only when the new boot's Birth time is not known.
     */
    public AfterCommit sweepOldBoots(StateTx tx, String deviceId, long nowMillis) {
        AfterCommit after = new AfterCommit();
        tx.portal(deviceId).map(PortalState::bootId).ifPresent(boot ->
                placements.clearOtherBoots(tx, deviceId, boot, nowMillis, after));
        return after;
    }

    private static Map<String, Object> pad(PadInfo pad) {
        return Map.of("pad", pad.pad(), "slots", pad.slots(), "reader", pad.reader());
    }

    private static Map<String, Object> calibration(PadCalibration pad) {
        return Map.of("pad", pad.pad(), "antennaGainDb", pad.antennaGainDb(),
                "removalMissThreshold", pad.removalMissThreshold());
    }
}
