package dev.portal.bridge.state;

import dev.portal.protocol.toy.Colours;
import dev.portal.protocol.toy.Leveling;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The product state a player co-creates with a toy, as the bridge knows it.
 *
 * @param writePending the profile changed while the toy was away; it is written to the tag when next placed
 * @param revision     increases on every change, so game servers can drop stale copies
 */
public record ToyProfile(String uid, int toyType, int variant, String name, Colours colours,
                         SortedSet<Integer> upgrades, long xp, int level, String lastVerdict,
                         long firstSeenMillis, long lastSeenMillis, boolean writePending, long revision) {

    public ToyProfile {
        upgrades = new TreeSet<>(upgrades);
    }

    @Override
    public SortedSet<Integer> upgrades() {
        return new TreeSet<>(upgrades);
    }

    public ToyProfile withXp(long newXp) {
        return new ToyProfile(uid, toyType, variant, name, colours, upgrades, newXp, Leveling.levelFor(newXp),
                lastVerdict, firstSeenMillis, lastSeenMillis, writePending, revision);
    }

    public ToyProfile withName(String newName) {
        return new ToyProfile(uid, toyType, variant, newName, colours, upgrades, xp, level,
                lastVerdict, firstSeenMillis, lastSeenMillis, writePending, revision);
    }

    public ToyProfile withColours(Colours newColours) {
        return new ToyProfile(uid, toyType, variant, name, newColours, upgrades, xp, level,
                lastVerdict, firstSeenMillis, lastSeenMillis, writePending, revision);
    }

    public ToyProfile withUpgrades(Set<Integer> newUpgrades) {
        return new ToyProfile(uid, toyType, variant, name, colours, new TreeSet<>(newUpgrades), xp, level,
                lastVerdict, firstSeenMillis, lastSeenMillis, writePending, revision);
    }

    public ToyProfile seen(String verdict, long atMillis) {
        return new ToyProfile(uid, toyType, variant, name, colours, upgrades, xp, level,
                verdict, firstSeenMillis, atMillis, writePending, revision);
    }

    public ToyProfile withWritePending(boolean pending) {
        return new ToyProfile(uid, toyType, variant, name, colours, upgrades, xp, level,
                lastVerdict, firstSeenMillis, lastSeenMillis, pending, revision);
    }

    public ToyProfile nextRevision() {
        return new ToyProfile(uid, toyType, variant, name, colours, upgrades, xp, level,
                lastVerdict, firstSeenMillis, lastSeenMillis, writePending, revision + 1);
    }
}
