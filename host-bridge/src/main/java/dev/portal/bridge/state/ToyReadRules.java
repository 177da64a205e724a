package dev.portal.bridge.state;

import dev.portal.protocol.frame.ToyRead;
import dev.portal.protocol.frame.WriteToy;
import dev.portal.protocol.toy.ToyRecord;
import dev.portal.protocol.toy.ToyVerdict;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a toy read means for the profile. The tag is the truth for a recognised toy, unless the bridge holds a
 * newer profile not yet written (a game server changed it while the toy was away): then the bridge writes it.
 */
final class ToyReadRules {

    void read(StateTx tx, String deviceId, long boot, long seq, ToyRead read, long atMillis, AfterCommit after,
              PlacementRules placements) {
        String uid = read.uid().hex();
        // A read may arrive without its TagPlaced (lost in a gap, or re-sent after a rebirth).
        placements.ensurePlaced(tx, deviceId, boot, seq, read.pad(), read.slot(), uid, atMillis, after);
        Optional<ToyProfile> known = tx.toy(uid);
        ToyVerdict verdict = read.verdict();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("verdict", verdict.name());
        ToyProfile profile = null;
        if (verdict == ToyVerdict.RECOGNISED && read.record().isPresent()) {
            profile = recognised(tx, deviceId, read, uid, read.record().get(), known, atMillis, after);
        } else if (known.isPresent()) {
            // Blank, foreign or tampered data never overwrites what the player built.
            profile = known.get().seen(verdict.name(), atMillis);
            tx.saveToy(profile);
            after.toy(profile);
            if (verdict == ToyVerdict.BLANK && profile.writePending()) {
                write(deviceId, read, profile, after);
            }
        }
        after.event(new GameEvent(PlacementRules.sessionId(deviceId, boot, seq) + "#read", type(verdict), deviceId,
                read.pad(), read.slot(), uid, atMillis, details, profile));
    }

    private ToyProfile recognised(StateTx tx, String deviceId, ToyRead read, String uid, ToyRecord record,
                                  Optional<ToyProfile> known, long atMillis, AfterCommit after) {
        ToyProfile profile;
        if (known.isEmpty()) {
            profile = ProfileRecords.fromRecord(uid, record, atMillis).nextRevision();
        } else if (known.get().writePending()) {
            profile = known.get().seen("RECOGNISED", atMillis);
            ToyProfile onTag = ProfileRecords.adopt(known.get(), record, atMillis);
            if (!ProfileRecords.sameContent(onTag, known.get())) {
                write(deviceId, read, profile, after);
            }
            // else the tag already holds it (the device re-reads after a write): the CommandResult settles it
        } else {
            ToyProfile adopted = ProfileRecords.adopt(known.get(), record, atMillis);
            profile = ProfileRecords.sameContent(adopted, known.get()) ? adopted : adopted.nextRevision();
        }
        tx.saveToy(profile);
        after.toy(profile);
        return profile;
    }

    private static void write(String deviceId, ToyRead read, ToyProfile profile, AfterCommit after) {
        WriteToy command = new WriteToy(read.pad(), read.slot(), read.uid(), ProfileRecords.toRecord(profile));
        after.write(new AfterCommit.ToyWrite(deviceId, command, profile.revision()));
    }

    private static String type(ToyVerdict verdict) {
        return switch (verdict) {
            case RECOGNISED -> "recognised";
            case BLANK -> "blank";
            case UNKNOWN -> "unknown";
            case TAMPERED -> "tampered";
        };
    }
}
