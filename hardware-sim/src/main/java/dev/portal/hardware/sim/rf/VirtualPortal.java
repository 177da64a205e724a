package dev.portal.hardware.sim.rf;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A portal made of several pads, each an antenna with its own {@link RfField}. Tags are placed on a pad, moved
 * between pads and removed while drivers poll; a tag is on at most one pad. Thread-safe.
 */
public final class VirtualPortal {
    private final List<RfField> pads;

    /** {@code padCount} pads, each with its own fault injector seeded from {@code seed}. */
    public VirtualPortal(int padCount, long seed) {
        if (padCount < 1) {
            throw new IllegalArgumentException("a portal has at least one pad");
        }
        List<RfField> list = new ArrayList<>();
        for (int i = 0; i < padCount; i++) {
            list.add(new RfField(new FaultInjector(seed + i), seed * 17 + i));
        }
        this.pads = List.copyOf(list);
    }

    public VirtualPortal(int padCount) {
        this(padCount, 0);
    }

    public int padCount() {
        return pads.size();
    }

    public RfField pad(int index) {
        return pads.get(index);
    }

    /** Places the tag on a pad at the {@link Placement#NORMAL} distance, taking it off any other pad first. */
    public synchronized void place(Transponder tag, int pad) {
        place(tag, pad, Placement.NORMAL);
    }

    /**
     * Places the tag on a pad at {@code placement}, taking it off any other pad first; a tag already on that pad
     * only moves nearer or further.
     */
    public synchronized void place(Transponder tag, int pad, Placement placement) {
        RfField target = pads.get(pad);
        for (RfField field : pads) {
            if (field != target) {
                field.remove(tag);
            }
        }
        target.add(tag, placement);
    }

    /** Moves a tag to another pad (it loses power on the way, as a lifted toy does). */
    public synchronized void move(Transponder tag, int toPad) {
        remove(tag);
        place(tag, toPad);
    }

    /** Takes the tag off whichever pad holds it; true if it was on one. */
    public synchronized boolean remove(Transponder tag) {
        boolean removed = false;
        for (RfField field : pads) {
            removed |= field.remove(tag);
        }
        return removed;
    }

    /** The pad holding the tag, if any. */
    public synchronized Optional<Integer> padOf(Transponder tag) {
        for (int i = 0; i < pads.size(); i++) {
            if (pads.get(i).contains(tag)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }
}
