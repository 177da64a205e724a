package dev.portal.protocol.toy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a toy's two save areas into one verdict, and plans writes that never endanger the record a toy holds.
 * The rules are normative in SPEC.md section 11 (Toy record), "Verdicts" and "Write procedure".
 */
public final class SaveAreas {

    private SaveAreas() {
    }

    /**
     * Judges a tag from the bytes of its two areas (as assembled by {@link TagLayout#assemble}). Total over the
     * area bytes: any content, a null area (not readable) or one of the wrong size gives a result, never an
     * exception. {@code uid} must be a 4-, 7- or 10-byte UID.
     */
    public static ToyReadResult read(TagLayout layout, byte[] areaA, byte[] areaB, byte[] uid, FleetKey key) {
        AreaState a = inspect(layout, areaA, uid, key);
        AreaState b = inspect(layout, areaB, uid, key);
        return judge(a, b);
    }

    /** One area on its own, after checking it has the layout's size. */
    public static AreaState inspect(TagLayout layout, byte[] area, byte[] uid, FleetKey key) {
        ToyImage.checkUid(uid);
        if (area != null && area.length != layout.areaBytes()) {
            return new AreaState.Unreadable(area.length + " bytes where " + layout + " areas have " + layout.areaBytes());
        }
        return ToyImage.inspect(area, uid, key);
    }

    /**
     * The verdict from the two areas' states:
     * <ol>
     * <li>If any area is valid: RECOGNISED, from the valid area with the newest counter (serial order; a tie
     * goes to A).</li>
     * <li>Otherwise, if any area is in a newer format: UNKNOWN.</li>
     * <li>Otherwise, if any area looks like ours but does not verify: TAMPERED.</li>
     * <li>Otherwise, if any area holds foreign data or could not be read: UNKNOWN.</li>
     * <li>Otherwise (both blank): BLANK.</li>
     * </ol>
     * A newer-format area never outranks a valid one: its format byte and counter are not authenticated for this
     * portal, so one flipped bit must not hide a good record. Newer firmware is protected from roll-back by
     * {@link #planWrite} instead.
     */
    static ToyReadResult judge(AreaState a, AreaState b) {
        String reason = "A: " + a.describe() + "; B: " + b.describe();
        if (a instanceof AreaState.Valid || b instanceof AreaState.Valid) {
            Area winner = a instanceof AreaState.Valid va
                    && !(b instanceof AreaState.Valid vb && WriteCounter.isNewer(vb.counter(), va.counter()))
                    ? Area.A : Area.B;
            AreaState.Valid valid = (AreaState.Valid) (winner == Area.A ? a : b);
            return new ToyReadResult(ToyVerdict.RECOGNISED, Optional.of(valid.record()), valid.counter(),
                    Optional.of(winner), reason, a, b);
        }
        if (a instanceof AreaState.Newer || b instanceof AreaState.Newer) {
            return result(ToyVerdict.UNKNOWN, "written by newer firmware; " + reason, a, b);
        }
        if (a instanceof AreaState.Corrupt || b instanceof AreaState.Corrupt) {
            return result(ToyVerdict.TAMPERED, reason, a, b);
        }
        if (a instanceof AreaState.Blank && b instanceof AreaState.Blank) {
            return result(ToyVerdict.BLANK, reason, a, b);
        }
        return result(ToyVerdict.UNKNOWN, reason, a, b);
    }

    /** UNKNOWN: a tag this format has no layout for (a type or UID size it does not serve). */
    public static ToyReadResult unjudgeable(String why) {
        AreaState none = new AreaState.Unreadable(why);
        return result(ToyVerdict.UNKNOWN, why, none, none);
    }

    private static ToyReadResult result(ToyVerdict verdict, String reason, AreaState a, AreaState b) {
        return new ToyReadResult(verdict, Optional.empty(), 0, Optional.empty(), reason, a, b);
    }

    /**
     * The write that saves {@code newRecord} onto a toy last read as {@code current}: into the area NOT holding
     * the current record, with the next counter; a blank tag gets area A with counter 1. Refuses (with
     * IllegalStateException) a TAMPERED or UNKNOWN toy, for which overwriting is a deliberate {@link #planReset},
     * and a toy whose other area holds a newer-format record with a newer counter (no roll-back).
     */
    public static ToyWritePlan planWrite(TagLayout layout, ToyReadResult current, ToyRecord newRecord,
                                         byte[] uid, FleetKey key) {
        return planWrite(layout, current, newRecord, uid, key, java.util.OptionalLong.empty());
    }

    /**
     * As {@link #planWrite(TagLayout, ToyReadResult, ToyRecord, byte[], FleetKey)}, but the new counter is also
     * newer than {@code lastKnown}, the newest counter the host has seen on this toy: a toy whose tag was rolled
     * back to an old dump gets a counter past the one it had, so the old dump can never win again.
     */
    public static ToyWritePlan planWrite(TagLayout layout, ToyReadResult current, ToyRecord newRecord,
                                         byte[] uid, FleetKey key, java.util.OptionalLong lastKnown) {
        return switch (current.verdict()) {
            case RECOGNISED -> {
                Area target = current.winner().orElseThrow().other();
                if (current.state(target) instanceof AreaState.Newer newer
                        && WriteCounter.isNewer(newer.counter(), current.writeCounter())) {
                    throw new IllegalStateException("area " + target + " holds a newer-format record with counter "
                            + newer.counter() + "; this portal will not roll the toy back (" + current.reason() + ")");
                }
                long base = current.writeCounter();
                if (lastKnown.isPresent() && WriteCounter.isNewer(lastKnown.getAsLong(), base)) {
                    base = lastKnown.getAsLong();
                }
                boolean blankTarget = current.state(target) instanceof AreaState.Blank;
                yield plan(layout, target, WriteCounter.next(base), newRecord, uid, key, blankTarget);
            }
            // An erased toy the host knew goes on past its last counter, for the same reason.
            case BLANK -> plan(layout, Area.A, lastKnown.isPresent() ? WriteCounter.next(lastKnown.getAsLong()) : 1,
                    newRecord, uid, key, true);
            case TAMPERED, UNKNOWN -> throw new IllegalStateException("refusing to write over a " + current.verdict()
                    + " toy (" + current.reason() + "); re-initialising it is a deliberate reset");
            case FOREIGN -> throw new IllegalStateException("a foreign toy is never written");
        };
    }

    /**
     * Re-initialises a TAMPERED, UNKNOWN (foreign data) or BLANK toy with {@code newRecord}: area A, counter 1.
     * Refuses a RECOGNISED toy (use {@link #planWrite}) and one written by newer firmware (a downgrade would
     * destroy data this portal cannot read).
     */
    public static ToyWritePlan planReset(TagLayout layout, ToyReadResult current, ToyRecord newRecord,
                                         byte[] uid, FleetKey key) {
        if (current.verdict() == ToyVerdict.FOREIGN) {
            throw new IllegalStateException("a foreign toy is never written, not even by a reset");
        }
        if (current.verdict() == ToyVerdict.RECOGNISED) {
            throw new IllegalStateException("toy holds a valid record (" + current.reason() + "); use planWrite");
        }
        if (current.stateA() instanceof AreaState.Newer || current.stateB() instanceof AreaState.Newer) {
            throw new IllegalStateException("toy was written by newer firmware (" + current.reason()
                    + "); this portal will not overwrite it");
        }
        return plan(layout, Area.A, 1, newRecord, uid, key, true);
    }

    /**
     * With {@code clearFirst}, the target's first unit is zeroed before anything else (SPEC.md 11.8 step 4):
     * a blank area may hold the two-page NTAG factory content, which an interrupted write must not turn into
     * something neither blank nor ours.
     */
    private static ToyWritePlan plan(TagLayout layout, Area target, long counter, ToyRecord record,
                                     byte[] uid, FleetKey key, boolean clearFirst) {
        byte[] image = ToyImage.encode(record, uid, key, counter);
        List<UnitWrite> writes = new ArrayList<>();
        if (clearFirst) {
            writes.add(layout.clearFirstUnit(target));
        }
        writes.addAll(layout.split(target, image));
        return new ToyWritePlan(target, counter, record, image, writes, clearFirst);
    }
}
