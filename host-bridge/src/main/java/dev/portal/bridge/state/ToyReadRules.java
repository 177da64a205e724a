package dev.portal.bridge.state;

import dev.portal.protocol.frame.ShowVerdict;
import dev.portal.protocol.foreign.ForeignReading;
import dev.portal.protocol.frame.TagType;
import dev.portal.protocol.frame.ToyAreas;
import dev.portal.protocol.frame.ToyRead;
import dev.portal.protocol.tree.ForeignTree;
import dev.portal.protocol.toy.ToyReadResult;
import dev.portal.protocol.toy.ToyRecord;
import dev.portal.protocol.toy.ToyVerdict;
import dev.portal.protocol.toy.WriteCounter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a toy's areas, as a portal read them, mean for the profile. The bridge judges them with the toy key (the
 * portal cannot). The tag is the truth for a recognised toy, unless the bridge holds a newer profile not yet
 * written (a game server changed it while the toy was away): then the bridge writes it. A recognised record
 * older than the newest the bridge has seen on that UID is a rolled-back tag (an old dump written back): it is
 * reported and not adopted, and the bridge writes its profile back past the newest counter.
 */
final class ToyReadRules {
    private static final Logger LOG = LoggerFactory.getLogger(ToyReadRules.class);

    private final ToyAuthority authority;

    ToyReadRules(ToyAuthority authority) {
        this.authority = authority;
    }

    void areas(StateTx tx, String deviceId, long boot, long seq, ToyAreas areas, long atMillis, AfterCommit after,
               PlacementRules placements) {
        String uid = areas.uid().hex();
        // A read may arrive without its TagPlaced (lost in a gap, or re-sent after a rebirth).
        placements.ensurePlaced(tx, deviceId, boot, seq, areas.pad(), areas.slot(), uid, atMillis, after);
        ToyReadResult result = authority.judge(areas);
        OptionalLong last = tx.tagImage(uid).map(TagImage::lastCounter).orElse(OptionalLong.empty());
        boolean recognised = result.verdict() == ToyVerdict.RECOGNISED;
        boolean rolledBack = recognised && last.isPresent()
                && WriteCounter.isNewer(last.getAsLong(), result.writeCounter());
        OptionalLong newest = recognised && !rolledBack ? OptionalLong.of(result.writeCounter()) : last;
        TagImage image = new TagImage(uid, areas.tagType(), areas.areaA(), areas.areaB(), newest, atMillis);
        tx.saveTagImage(image);
        ToyVerdict shown = rolledBack ? ToyVerdict.TAMPERED : result.verdict();
        after.verdict(new AfterCommit.Verdict(deviceId, new ShowVerdict(areas.pad(), areas.slot(), areas.uid(), shown),
                atMillis));
        Optional<ToyProfile> known = tx.toy(uid);
        Map<String, Object> details = new LinkedHashMap<>();
        ToyProfile profile = null;
        String event;
        if (rolledBack) {
            event = "rolled-back";
            details.put("verdict", "ROLLED_BACK");
            details.put("counterOnTag", result.writeCounter());
            details.put("newestCounterSeen", last.getAsLong());
            profile = rolledBack(tx, deviceId, areas, image, known, atMillis, after);
        } else {
            event = type(result.verdict());
            details.put("verdict", result.verdict().name());
            if (recognised) {
                profile = recognised(tx, deviceId, areas, image, uid, result.record().orElseThrow(), known, atMillis,
                        after);
            } else if (known.isPresent()) {
                // Blank, foreign or tampered data never overwrites what the player built.
                profile = known.get().seen(result.verdict().name(), atMillis);
                tx.saveToy(profile);
                after.toy(profile);
                if (result.verdict() == ToyVerdict.BLANK && profile.writePending()) {
                    write(deviceId, areas, image, profile, after);
                }
            }
        }
        after.event(new GameEvent(PlacementRules.sessionId(deviceId, boot, seq) + "#read", event, deviceId,
                areas.pad(), areas.slot(), uid, atMillis, details, profile));
    }

    /**
     * A toy of another line, identified by the portal (protocol 1.2): a game event and its retained document, no
     * toy profile, no verdict for the light (the portal showed its own) and never a write. Its tag image is kept
     * with no areas of ours, so no write can be planned from an earlier read of that UID either.
     */
    void foreign(StateTx tx, String deviceId, long boot, long seq, ToyRead read, long atMillis, AfterCommit after,
                 PlacementRules placements) {
        String uid = read.uid().hex();
        ForeignReading reading = read.foreign().orElseThrow();
        placements.ensurePlaced(tx, deviceId, boot, seq, read.pad(), read.slot(), uid, atMillis, after);
        OptionalLong last = tx.tagImage(uid).map(TagImage::lastCounter).orElse(OptionalLong.empty());
        tx.saveTagImage(new TagImage(uid, TagType.OTHER, Optional.empty(), Optional.empty(), last, atMillis));
        after.foreignToy(new ForeignToyDocument(uid, reading, deviceId, read.pad(), read.slot(), atMillis));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("verdict", ToyVerdict.FOREIGN.name());
        details.put("foreign", ForeignTree.toTree(reading));
        LOG.info("toy {} on {} is foreign: {}", uid, deviceId, reading);
        after.event(new GameEvent(PlacementRules.sessionId(deviceId, boot, seq) + "#read", "foreign", deviceId,
                read.pad(), read.slot(), uid, atMillis, details, null));
    }

    /** The bridge's profile stands; it goes back onto the tag with a counter past the newest seen. */
    private ToyProfile rolledBack(StateTx tx, String deviceId, ToyAreas areas, TagImage image,
                                  Optional<ToyProfile> known, long atMillis, AfterCommit after) {
        LOG.warn("toy {} on {} holds a record older than one already seen on it (rolled back): not adopted",
                image.uid(), deviceId);
        if (known.isEmpty()) {
            return null;
        }
        ToyProfile profile = known.get().seen("ROLLED_BACK", atMillis);
        profile = profile.writePending() ? profile : profile.withWritePending(true).nextRevision();
        tx.saveToy(profile);
        after.toy(profile);
        write(deviceId, areas, image, profile, after);
        return profile;
    }

    private ToyProfile recognised(StateTx tx, String deviceId, ToyAreas areas, TagImage image, String uid,
                                  ToyRecord record, Optional<ToyProfile> known, long atMillis, AfterCommit after) {
        ToyProfile profile;
        if (known.isEmpty()) {
            profile = ProfileRecords.fromRecord(uid, record, atMillis).nextRevision();
        } else if (known.get().writePending()) {
            profile = known.get().seen("RECOGNISED", atMillis);
            ToyProfile onTag = ProfileRecords.adopt(known.get(), record, atMillis);
            if (!ProfileRecords.sameContent(onTag, known.get())) {
                write(deviceId, areas, image, profile, after);
            }
            // else the tag already holds it (the device reads back after a write): the CommandResult settles it
        } else {
            ToyProfile adopted = ProfileRecords.adopt(known.get(), record, atMillis);
            profile = ProfileRecords.sameContent(adopted, known.get()) ? adopted : adopted.nextRevision();
        }
        tx.saveToy(profile);
        if (known.isEmpty() || known.get().xp() != profile.xp()) {
            tx.recordXp(profile, atMillis); // the XP history the game API serves (game/toys/{uid}/history)
        }
        after.toy(profile);
        return profile;
    }

    private void write(String deviceId, ToyAreas areas, TagImage image, ToyProfile profile, AfterCommit after) {
        switch (authority.plan(image, areas.pad(), areas.slot(), profile)) {
            case ToyAuthority.Planned planned ->
                    after.write(new AfterCommit.ToyWrite(deviceId, planned.command(), profile.revision()));
            case ToyAuthority.Refused refused ->
                    LOG.warn("toy {} on {} cannot be written: {}", image.uid(), deviceId, refused.why());
        }
    }

    private static String type(ToyVerdict verdict) {
        return switch (verdict) {
            case RECOGNISED -> "recognised";
            case BLANK -> "blank";
            case UNKNOWN -> "unknown";
            case TAMPERED -> "tampered";
            case FOREIGN -> "foreign";
        };
    }
}
