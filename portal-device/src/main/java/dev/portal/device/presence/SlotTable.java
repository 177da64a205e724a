package dev.portal.device.presence;

import dev.portal.protocol.id.Uid;
import dev.portal.protocol.frame.TagType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The portal's slots, shared by all pads: a toy keeps its slot while it stays on the portal (also when it moves
 * to another pad), and a toy put back gets its previous slot when that slot is free. Thread-safe.
 */
public final class SlotTable {
    private static final int REMEMBERED = 256;

    /** The outcome of a claim: the slot, and who held the toy before when it just moved from another pad. */
    public record Claim(int slot, Optional<Holder> movedFrom) {
    }

    private final Holder[] slots;
    private final Map<Uid, Holder> byUid = new HashMap<>();
    /** Toys on the portal now that were found to be of another line: never written (SPEC.md section 12). */
    private final Set<Uid> foreign = new HashSet<>();
    private final Map<Uid, Integer> previous = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Uid, Integer> eldest) {
            return size() > REMEMBERED;
        }
    };

    public SlotTable(int size) {
        slots = new Holder[size];
    }

    /** A slot for {@code uid} now seen on {@code pad}; empty when every slot is taken. */
    public synchronized Optional<Claim> claim(Uid uid, int pad, long nowMillis, TagType type) {
        Holder held = byUid.get(uid);
        if (held != null) {
            Holder moved = new Holder(uid, pad, held.slot(), nowMillis, type);
            slots[held.slot()] = moved;
            byUid.put(uid, moved);
            return Optional.of(new Claim(held.slot(), held.pad() == pad ? Optional.empty() : Optional.of(held)));
        }
        Integer before = previous.get(uid);
        int slot = before != null && slots[before] == null ? before : firstFree();
        if (slot < 0) {
            return Optional.empty();
        }
        Holder h = new Holder(uid, pad, slot, nowMillis, type);
        slots[slot] = h;
        byUid.put(uid, h);
        return Optional.of(new Claim(slot, Optional.empty()));
    }

    private int firstFree() {
        for (int i = 0; i < slots.length; i++) {
            if (slots[i] == null) {
                return i;
            }
        }
        return -1;
    }

    /** Frees the toy's slot if {@code pad} still holds it (it may have moved on); returns the holder freed. */
    public synchronized Optional<Holder> release(Uid uid, int pad) {
        Holder h = byUid.get(uid);
        if (h == null || h.pad() != pad) {
            return Optional.empty();
        }
        byUid.remove(uid);
        foreign.remove(uid);
        slots[h.slot()] = null;
        previous.put(uid, h.slot());
        return Optional.of(h);
    }

    /** Marks a toy on the portal as foreign until it leaves; a toy not on the portal is ignored. */
    public synchronized void markForeign(Uid uid) {
        if (byUid.containsKey(uid)) {
            foreign.add(uid);
        }
    }

    public synchronized boolean isForeign(Uid uid) {
        return foreign.contains(uid);
    }

    public synchronized Optional<Holder> holder(Uid uid) {
        return Optional.ofNullable(byUid.get(uid));
    }

    public synchronized Optional<Holder> inSlot(int slot) {
        return slot >= 0 && slot < slots.length ? Optional.ofNullable(slots[slot]) : Optional.empty();
    }

    public synchronized List<Holder> snapshot() {
        List<Holder> out = new ArrayList<>();
        for (Holder h : slots) {
            if (h != null) {
                out.add(h);
            }
        }
        return out;
    }

    public int capacity() {
        return slots.length;
    }

    public synchronized int present() {
        return byUid.size();
    }
}
