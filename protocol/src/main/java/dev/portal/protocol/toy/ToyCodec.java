package dev.portal.protocol.toy;

import java.util.Optional;

/**
 * Reads a toy's two save areas into one verdict, and plans writes that never endanger the record a toy holds.
 * The rules are normative in TOY-RECORD.md, "Verdicts" and "Write procedure".
 */
public final class ToyCodec {

    private ToyCodec() {
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
     * <li>Among areas that are valid or newer-format, the one with the newest counter (serial order; on a tie a
     * valid area, then A) decides: valid gives RECOGNISED, newer-format gives UNKNOWN (this portal must not
     * roll back what newer firmware wrote).</li>
     * <li>Otherwise, if any area looks like ours but does not verify: TAMPERED.</li>
     * <li>Otherwise, if any area holds foreign data or could not be read: UNKNOWN.</li>
     * <li>Otherwise (both blank): BLANK.</li>
     * </ol>
     */
    static ToyReadResult judge(AreaState a, AreaState b) {
        String reason = "A: " + a.describe() + "; B: " + b.describe();
        Area newest = null;
        if (counterOf(a).isPresent() || counterOf(b).isPresent()) {
            newest = newest(a, b);
        }
        if (newest != null) {
            AreaState winner = newest == Area.A ? a : b;
            if (winner instanceof AreaState.Valid valid) {
                return new ToyReadResult(ToyVerdict.RECOGNISED, Optional.of(valid.record()), valid.counter(),
                        Optional.of(newest), reason, a, b);
            }
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

    private static Area newest(AreaState a, AreaState b) {
        Optional<Long> ca = counterOf(a);
        Optional<Long> cb = counterOf(b);
        if (ca.isEmpty()) {
            return Area.B;
        }
        if (cb.isEmpty()) {
            return Area.A;
        }
        if (WriteCounter.isNewer(cb.get(), ca.get())) {
            return Area.B;
        }
        if (WriteCounter.isNewer(ca.get(), cb.get())) {
            return Area.A;
        }
        return a instanceof AreaState.Valid || !(b instanceof AreaState.Valid) ? Area.A : Area.B;
    }

    private static Optional<Long> counterOf(AreaState state) {
        return switch (state) {
            case AreaState.Valid v -> Optional.of(v.counter());
            case AreaState.Newer n -> Optional.of(n.counter());
            default -> Optional.empty();
        };
    }

    private static ToyReadResult result(ToyVerdict verdict, String reason, AreaState a, AreaState b) {
        return new ToyReadResult(verdict, Optional.empty(), 0, Optional.empty(), reason, a, b);
    }

    /**
     * The write that saves {@code newRecord} onto a toy last read as {@code current}: into the area NOT holding
     * the current record, with the next counter; a blank tag gets area A with counter 1. Refuses (with
     * IllegalStateException) a TAMPERED or UNKNOWN toy: overwriting those is a deliberate {@link #planReset}.
     */
    public static ToyWritePlan planWrite(TagLayout layout, ToyReadResult current, ToyRecord newRecord,
                                         byte[] uid, FleetKey key) {
        return switch (current.verdict()) {
            case RECOGNISED -> {
                Area target = current.winner().orElseThrow().other();
                yield plan(layout, target, WriteCounter.next(current.writeCounter()), newRecord, uid, key);
            }
            case BLANK -> plan(layout, Area.A, 1, newRecord, uid, key);
            case TAMPERED, UNKNOWN -> throw new IllegalStateException("refusing to write over a " + current.verdict()
                    + " toy (" + current.reason() + "); re-initialising it is a deliberate reset");
        };
    }

    /**
     * Re-initialises a TAMPERED, UNKNOWN (foreign data) or BLANK toy with {@code newRecord}: area A, counter 1.
     * Refuses a RECOGNISED toy (use {@link #planWrite}) and one written by newer firmware (a downgrade would
     * destroy data this portal cannot read).
     */
    public static ToyWritePlan planReset(TagLayout layout, ToyReadResult current, ToyRecord newRecord,
                                         byte[] uid, FleetKey key) {
        if (current.verdict() == ToyVerdict.RECOGNISED) {
            throw new IllegalStateException("toy holds a valid record (" + current.reason() + "); use planWrite");
        }
        if (current.stateA() instanceof AreaState.Newer || current.stateB() instanceof AreaState.Newer) {
            throw new IllegalStateException("toy was written by newer firmware (" + current.reason()
                    + "); this portal will not overwrite it");
        }
        return plan(layout, Area.A, 1, newRecord, uid, key);
    }

    private static ToyWritePlan plan(TagLayout layout, Area target, long counter, ToyRecord record,
                                     byte[] uid, FleetKey key) {
        byte[] image = ToyImage.encode(record, uid, key, counter);
        return new ToyWritePlan(target, counter, record, image, layout.split(target, image));
    }
}
