package dev.portal.protocol.toy;

import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The set of upgrades a toy has unlocked. Upgrade ids run from 0 to 63; the set is stored as one 64-bit word
 * on the tag (bit i set = upgrade i unlocked), which keeps the record small enough for two copies on an NTAG213.
 */
public record Upgrades(long bits) {

    /** Number of distinct upgrade ids (0..63). */
    public static final int CAPACITY = Long.SIZE;

    public static final Upgrades NONE = new Upgrades(0L);

    /** The set holding exactly the given upgrade ids. */
    public static Upgrades of(int... ids) {
        Upgrades result = NONE;
        for (int id : ids) {
            result = result.with(id);
        }
        return result;
    }

    /** The set holding exactly the given upgrade ids. */
    public static Upgrades of(Iterable<Integer> ids) {
        Upgrades result = NONE;
        for (Integer id : ids) {
            if (id == null) {
                throw new IllegalArgumentException("upgrade id must not be null");
            }
            result = result.with(id);
        }
        return result;
    }

    public boolean contains(int id) {
        checkId(id);
        return (bits & (1L << id)) != 0;
    }

    /** This set plus {@code id}. */
    public Upgrades with(int id) {
        checkId(id);
        return new Upgrades(bits | (1L << id));
    }

    /** This set without {@code id}. */
    public Upgrades without(int id) {
        checkId(id);
        return new Upgrades(bits & ~(1L << id));
    }

    public int size() {
        return Long.bitCount(bits);
    }

    public boolean isEmpty() {
        return bits == 0;
    }

    /** The unlocked ids in ascending order, as an unmodifiable set. */
    public SortedSet<Integer> ids() {
        TreeSet<Integer> ids = new TreeSet<>();
        for (int id = 0; id < CAPACITY; id++) {
            if ((bits & (1L << id)) != 0) {
                ids.add(id);
            }
        }
        return Collections.unmodifiableSortedSet(ids);
    }

    private static void checkId(int id) {
        if (id < 0 || id >= CAPACITY) {
            throw new IllegalArgumentException("upgrade id must be 0.." + (CAPACITY - 1) + ", got " + id);
        }
    }

    @Override
    public String toString() {
        return "Upgrades" + ids();
    }
}
