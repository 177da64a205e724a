package dev.portal.bridge.state;

import dev.portal.protocol.frame.TagPlaced;
import dev.portal.protocol.frame.TagRemoved;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Which toy lies where, and the play session each placement opens and closes. */
final class PlacementRules {
    private final long restartGraceMillis;

    PlacementRules(long restartGraceMillis) {
        this.restartGraceMillis = restartGraceMillis;
    }

    static String sessionId(String deviceId, long boot, long seq) {
        return deviceId + "/" + boot + "/" + seq;
    }

    void placed(StateTx tx, String deviceId, long boot, long seq, TagPlaced placed, long atMillis, AfterCommit after) {
        String uid = placed.uid().hex();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("tagType", placed.tagType().name());
        // Read once for both: the clone check only looks, and nothing moves the toy between the two.
        Optional<Placement> before = tx.placementOf(uid);
        cloneSuspected(tx, deviceId, boot, seq, placed, uid, before, atMillis, after);
        if (ensurePlaced(tx, deviceId, boot, seq, placed.pad(), placed.slot(), uid, before, atMillis, after)) {
            announce(tx, deviceId, boot, seq, placed, atMillis, details, after);
        }
    }

    /** The "placed" event of a session just opened. */
    void announce(StateTx tx, String deviceId, long boot, long seq, TagPlaced placed, long atMillis,
                  Map<String, Object> details, AfterCommit after) {
        String uid = placed.uid().hex();
        Optional<ToyProfile> toy = tx.toy(uid).map(t -> t.seen(t.lastVerdict(), atMillis));
        toy.ifPresent(t -> {
            tx.saveToy(t);
            after.toy(t);
        });
        after.event(new GameEvent(sessionId(deviceId, boot, seq) + "#placed", "placed", deviceId, placed.pad(),
                placed.slot(), uid, atMillis, details, toy.orElse(null)));
    }

    /**
     * The same UID on two portals at once: the other portal is online and has not reported the toy gone. A toy
     * carried from one portal to another is lifted first, and its removal arrives within a second; a copy of
     * its tag (a UID-writable "magic" tag) lies on both. Reported, not judged: the placement goes on.
     */
    private static void cloneSuspected(StateTx tx, String deviceId, long boot, long seq, TagPlaced placed, String uid,
                                       Optional<Placement> placedNow, long atMillis, AfterCommit after) {
        Optional<Placement> elsewhere = placedNow.filter(p -> !p.deviceId().equals(deviceId));
        if (elsewhere.isEmpty() || !tx.portal(elsewhere.get().deviceId()).map(PortalState::online).orElse(false)) {
            return;
        }
        Placement other = elsewhere.get();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("otherDeviceId", other.deviceId());
        details.put("otherPad", other.pad());
        details.put("otherSlot", other.slot());
        after.event(new GameEvent(sessionId(deviceId, boot, seq) + "#clone", "clone-suspected", deviceId,
                placed.pad(), placed.slot(), uid, atMillis, details, tx.toy(uid).orElse(null)));
    }

    /**
     * Makes {@code uid} the toy on this slot. Returns false when it already was there (a re-announcement after
     * a rebirth, or by a restarted portal, maybe on another slot of the same pad: the session goes on), true
     * when a new session was opened. A toy still recorded elsewhere has been moved.
     */
    boolean ensurePlaced(StateTx tx, String deviceId, long boot, long seq, int pad, int slot, String uid,
                         long atMillis, AfterCommit after) {
        return ensurePlaced(tx, deviceId, boot, seq, pad, slot, uid, tx.placementOf(uid), atMillis, after);
    }

    /** As above, with where the toy lies now ({@code before}) already read in this transaction. */
    private boolean ensurePlaced(StateTx tx, String deviceId, long boot, long seq, int pad, int slot, String uid,
                                 Optional<Placement> before, long atMillis, AfterCommit after) {
        Optional<Placement> here = tx.placement(deviceId, pad, slot);
        if (before.isPresent() && before.get().deviceId().equals(deviceId) && before.get().pad() == pad) {
            Placement p = before.get();
            if (p.bootId() == boot && p.slot() == slot) {
                return false; // announced again within the boot (a rebirth)
            }
            if (p.bootId() != boot && foundAgain(tx, deviceId, boot, atMillis)) {
                if (p.slot() != slot) {
                    here.ifPresent(old -> close(tx, old, atMillis, reason(old, deviceId, boot, "replaced"), after));
                    tx.deletePlacement(deviceId, pad, p.slot());
                }
                tx.savePlacement(p.seenBy(boot, slot));
                return false;
            }
        }
        here.ifPresent(old -> close(tx, old, atMillis, reason(old, deviceId, boot, "replaced"), after));
        before.filter(old -> !old.deviceId().equals(deviceId) || old.pad() != pad || old.slot() != slot)
                .ifPresent(old -> close(tx, old, atMillis, reason(old, deviceId, boot, "moved"), after));
        String sessionId = sessionId(deviceId, boot, seq);
        tx.savePlacement(new Placement(deviceId, pad, slot, uid, atMillis, sessionId));
        tx.openSession(new PlaySession(sessionId, uid, deviceId, pad, slot, atMillis, null, null));
        return true;
    }

    void removed(StateTx tx, String deviceId, TagRemoved removed, long atMillis, AfterCommit after) {
        String uid = removed.uid().hex();
        Optional<Placement> here = tx.placement(deviceId, removed.pad(), removed.slot());
        if (here.isEmpty() || !here.get().uid().equals(uid)) {
            return; // already closed (moved elsewhere, or the portal restarted)
        }
        close(tx, here.get(), atMillis, "lifted", lifted(removed), after);
    }

    /** The details of a "removed" event for a toy lifted. */
    static Map<String, Object> lifted(TagRemoved removed) {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("presentMillis", removed.presentMillis());
        return extra;
    }

    /**
     * Whether a restarted portal announced a toy soon enough after its Birth (device time) to have found it in
     * its first look: a toy lifted just before the crash and put back later is a new placement. The Birth not
     * yet stored means it is in the same batch, just before.
     */
    private boolean foundAgain(StateTx tx, String deviceId, long boot, long atMillis) {
        return tx.bootBornMillis(deviceId, boot).map(born -> atMillis - born <= restartGraceMillis).orElse(true);
    }

    /** A placement an older boot of this portal left is closed because of the restart, whatever closes it. */
    private static String reason(Placement old, String deviceId, long boot, String otherwise) {
        return old.deviceId().equals(deviceId) && old.bootId() != boot ? "portal-restarted" : otherwise;
    }

    /**
     * Closes every placement on this device that no boot but an older one has announced, as of the current
     * boot's Birth (device time, like every frame's): the portal restarted then without the toy. Not the time of
     * the sweep: a bridge that runs late (its database was away, it was restarted) sweeps while frames of the
     * new boot are still on their way, and a session ended at the sweep would overlap the toy's next one, which
     * such a frame opens at its own, earlier time. {@code nowMillis} serves when the Birth's time is not known.
     */
    void clearOtherBoots(StateTx tx, String deviceId, long boot, long nowMillis, AfterCommit after) {
        long restartedAt = tx.bootBornMillis(deviceId, boot).map(born -> Math.min(born, nowMillis)).orElse(nowMillis);
        Set<String> withRow = new HashSet<>();
        for (Placement p : tx.placements(deviceId)) {
            withRow.add(p.sessionId());
            if (p.bootId() != boot) {
                close(tx, p, restartedAt, "portal-restarted", after);
            }
        }
        // Sessions an older boot's late frames opened as history only (LateHistory), with no placement row.
        for (PlaySession s : tx.openSessions(deviceId)) {
            if (!withRow.contains(s.sessionId()) && Placement.bootOf(s.sessionId()) != boot) {
                endSession(tx, LateHistory.asPlacement(s), restartedAt, "portal-restarted", new LinkedHashMap<>(),
                        after);
            }
        }
    }

    private void close(StateTx tx, Placement p, long atMillis, String reason, AfterCommit after) {
        close(tx, p, atMillis, reason, new LinkedHashMap<>(), after);
    }

    private void close(StateTx tx, Placement p, long atMillis, String reason, Map<String, Object> details,
                       AfterCommit after) {
        tx.deletePlacement(p.deviceId(), p.pad(), p.slot());
        endSession(tx, p, atMillis, reason, details, after);
    }

    /** Ends {@code p}'s session (not its placement row, which may be another's by now) and says so. */
    void endSession(StateTx tx, Placement p, long atMillis, String reason, Map<String, Object> details,
                    AfterCommit after) {
        long end = Math.max(atMillis, p.sinceMillis());
        tx.closeSession(p.sessionId(), end);
        details.put("reason", reason);
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("sessionId", p.sessionId());
        session.put("startedMillis", p.sinceMillis());
        session.put("endedMillis", end);
        session.put("durationMillis", end - p.sinceMillis());
        details.put("session", session);
        Optional<ToyProfile> toy = tx.toy(p.uid()).map(t -> t.seen(t.lastVerdict(), end));
        toy.ifPresent(t -> {
            tx.saveToy(t);
            after.toy(t);
        });
        after.event(new GameEvent(p.sessionId() + "#removed", "removed", p.deviceId(), p.pad(), p.slot(), p.uid(),
                end, details, toy.orElse(null)));
    }
}
