package dev.portal.bridge.state;

import dev.portal.protocol.id.Uid;
import dev.portal.protocol.toy.CoCreation;
import dev.portal.protocol.toy.Colours;
import dev.portal.protocol.toy.ToyRecord;
import dev.portal.protocol.toy.Upgrades;

import java.util.HexFormat;
import java.util.TreeSet;

/** Converts between the bridge's toy profile and the toy record stored on the tag. */
public final class ProfileRecords {
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private ProfileRecords() {
    }

    /** The store and the game know a toy by {@link Uid#hex()}; this is the way back, for commands to the tag. */
    public static Uid uidOf(String storedUid) {
        return Uid.fromWire(HEX.parseHex(storedUid));
    }

    /** The record to write onto the tag for this profile. */
    public static ToyRecord toRecord(ToyProfile profile) {
        CoCreation coCreation = new CoCreation(profile.name(), profile.colours(),
                Upgrades.of(profile.upgrades()), profile.xp(), profile.level());
        return new ToyRecord(profile.toyType(), profile.variant(), coCreation);
    }

    /** A profile first seen on a tag. */
    public static ToyProfile fromRecord(String uid, ToyRecord record, long nowMillis) {
        return adopt(new ToyProfile(uid, record.toyType(), record.variant(), "", new Colours(0, 0, 0),
                new TreeSet<>(), 0, 1, "RECOGNISED", nowMillis, nowMillis, false, 0), record, nowMillis);
    }

    /** The profile with the tag's values (the tag is the truth unless the bridge has a write pending). */
    public static ToyProfile adopt(ToyProfile profile, ToyRecord record, long nowMillis) {
        CoCreation co = record.coCreation();
        TreeSet<Integer> upgrades = new TreeSet<>();
        for (int id = 0; id < Upgrades.CAPACITY; id++) {
            if (co.upgrades().contains(id)) {
                upgrades.add(id);
            }
        }
        return new ToyProfile(profile.uid(), record.toyType(), record.variant(), co.name(),
                co.colours(), upgrades,
                co.xp(), co.level(), "RECOGNISED", profile.firstSeenMillis(), nowMillis, false, profile.revision());
    }

    /** True when the co-created values of both are the same (ignoring bookkeeping fields). */
    public static boolean sameContent(ToyProfile a, ToyProfile b) {
        return a.toyType() == b.toyType() && a.variant() == b.variant() && a.name().equals(b.name())
                && a.colours().equals(b.colours()) && a.upgrades().equals(b.upgrades()) && a.xp() == b.xp()
                && a.level() == b.level();
    }
}
