package dev.portal.bridge.state;

import dev.portal.protocol.frame.TagPlaced;
import dev.portal.protocol.frame.TagRemoved;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Placements and removals of a portal's older boot applied after its current boot's Birth
 * ({@link FrameApplier#applyState}): the portal sent them before it restarted, and they came late (its outbox
 * sent them again on the new connection, or a broker lost them and the portal sent them again when asked). They
 * are the toy's history, all of it before the new boot's Birth, while the placement rows hold what lies on the
 * pads now, which the new boot announces. A late placement is a session with no placement row, which its own
 * boot's late removal ends, or the next sweep as of the new boot's Birth.
 */
final class LateHistory {
    private final PlacementRules placements;

    LateHistory(PlacementRules placements) {
        this.placements = placements;
    }

    /**
     * The newer boot found the toy and carried on this boot's session, but this boot's late removal shows the
     * toy was lifted in between (and put back before the restart: that placement comes late too, as history).
     * The carried session ends at the removal, and what the newer boot found is a session of its own from that
     * boot's Birth, the earliest it can vouch for.
     */
    private void liftedInBetween(StateTx tx, Placement carried, TagRemoved removed, long atMillis,
                                 AfterCommit after) {
        placements.endSession(tx, carried, atMillis, "lifted", PlacementRules.lifted(removed), after);
        long from = Math.max(atMillis, tx.bootBornMillis(carried.deviceId(), carried.bootId()).orElse(atMillis));
        String oldSeq = carried.sessionId().substring(carried.sessionId().lastIndexOf('/') + 1);
        String sessionId = carried.deviceId() + "/" + carried.bootId() + "/found-" + oldSeq;
        Placement found = new Placement(carried.deviceId(), carried.pad(), carried.slot(), carried.uid(), from,
                sessionId, carried.bootId());
        tx.savePlacement(found);
        tx.openSession(new PlaySession(sessionId, found.uid(), found.deviceId(), found.pad(), found.slot(), from,
                null, null));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reason", "found-after-restart");
        after.event(new GameEvent(sessionId + "#placed", "placed", found.deviceId(), found.pad(), found.slot(),
                found.uid(), from, details, tx.toy(found.uid()).orElse(null)));
    }

    /** A session as the placement it was, for ending it without touching any placement row. */
    static Placement asPlacement(PlaySession s) {
        return new Placement(s.deviceId(), s.pad(), s.slot(), s.uid(), s.startedMillis(), s.sessionId());
    }

    /**
     * A placement of an older boot is a session with no placement row, even when the slot is free: the newer boot
     * has announced, or will announce, what lies there now, and may have seen this toy come and go already.
     */
    void placed(StateTx tx, String deviceId, long boot, long seq, TagPlaced placed, long atMillis, AfterCommit after) {
        String sessionId = PlacementRules.sessionId(deviceId, boot, seq);
        tx.openSession(new PlaySession(sessionId, placed.uid().hex(), deviceId, placed.pad(), placed.slot(),
                atMillis, null, null));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("tagType", placed.tagType().name());
        details.put("late", true);
        placements.announce(tx, deviceId, boot, seq, placed, atMillis, details, after);
        after.restarted(deviceId); // the sweep a grace from now ends it if its removal does not come
    }

    /**
     * A removal of an older boot: ends only what that boot placed on that pad and slot, never a toy a newer boot
     * announced again.
     */
    void removed(StateTx tx, String deviceId, long boot, TagRemoved removed, long atMillis, AfterCommit after) {
        String uid = removed.uid().hex();
        Optional<Placement> row = tx.placementOf(uid).filter(p -> p.deviceId().equals(deviceId));
        Optional<String> rowSession = row.map(Placement::sessionId);
        Optional<PlaySession> history = tx.openSessions(deviceId).stream()
                .filter(s -> s.uid().equals(uid) && Placement.bootOf(s.sessionId()) == boot
                        && s.pad() == removed.pad() && s.slot() == removed.slot())
                .filter(s -> !rowSession.equals(Optional.of(s.sessionId())))
                .findFirst();
        if (history.isPresent()) {
            placements.endSession(tx, asPlacement(history.get()), atMillis, "lifted", PlacementRules.lifted(removed),
                    after);
            return;
        }
        // The pad, not the slot: a restarted portal numbers its slots afresh, and a carried placement has the new one.
        boolean here = row.isPresent() && row.get().pad() == removed.pad();
        if (here && row.get().bootId() == boot) {
            placements.removed(tx, deviceId, removed, atMillis, after);
            return;
        }
        if (here && Placement.bootOf(row.get().sessionId()) == boot && atMillis >= row.get().sinceMillis()) {
            liftedInBetween(tx, row.get(), removed, atMillis, after);
            return;
        }
        // A newer boot's announcement on another pad (a move) or the restart sweep ended this boot's session of
        // the toy later than it was really lifted: the removal is the better word on when.
        tx.sessions(uid).stream()
                .filter(s -> s.deviceId().equals(deviceId) && Placement.bootOf(s.sessionId()) == boot
                        && s.pad() == removed.pad() && s.startedMillis() <= atMillis && s.endedMillis() != null
                        && s.endedMillis() > atMillis)
                .reduce((earlier, later) -> later)
                .ifPresent(s -> tx.endSessionEarlier(s.sessionId(), atMillis));
    }
}
