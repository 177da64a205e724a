package dev.portal.hardware.sim.tag;

import dev.portal.hardware.iso14443a.CrcA;
import dev.portal.hardware.sim.rf.RfFrame;
import dev.portal.hardware.sim.rf.Transponder;
import dev.portal.hardware.reader.Uid;
import java.util.Optional;

/**
 * The ISO14443-3A part every virtual tag shares: the IDLE / READY / ACTIVE / HALT state machine, REQA and WUPA
 * short frames, bit-oriented anticollision over cascade levels 1..3, SELECT with CRC_A and SAK, HLTA.
 * Subclasses answer the commands of their family once the tag is ACTIVE.
 *
 * <p>Model choices where ISO leaves room: a READY tag that sees an anticollision or SELECT frame that does not
 * address it (another cascade level, other UID bits) or the HLTA meant for the selected tag stays READY and
 * silent, and a READY tag answers REQA/WUPA again (restarting at cascade level 1); so after the reader selects
 * and halts one tag, the others are still found, also when they were all woken from HALT by WUPA. Any
 * other unexpected frame sends the tag back to IDLE, or to HALT if it was woken from HALT (ISO's READY*).
 * An ACTIVE tag that receives REQA or WUPA goes back the same way without answering.
 */
public abstract class VirtualTag implements Transponder {
    public static final int REQA = 0x26;
    public static final int WUPA = 0x52;
    public static final int HLTA = 0x50;
    public static final int ACK = 0x0A;
    public static final int NAK_INVALID = 0x0;
    public static final int NAK_CRC = 0x1;
    public static final int NAK_NOT_ALLOWED = 0x4;
    public static final int NAK_WRITE_ERROR = 0x5;

    private final Uid uid;
    private final int atqa;
    private final int sak;
    private TagState state = TagState.IDLE;
    private boolean wokenFromHalt;
    private int level;

    /** {@code atqa} as a 16-bit value sent low byte first (0x0044 goes out as 44 00). */
    protected VirtualTag(Uid uid, int atqa, int sak) {
        this.uid = uid;
        this.atqa = atqa & 0xFFFF;
        this.sak = sak & 0xFF;
    }

    @Override
    public final Uid uid() {
        return uid;
    }

    public final int atqa() {
        return atqa;
    }

    public final int sak() {
        return sak;
    }

    public final synchronized TagState state() {
        return state;
    }

    @Override
    public final synchronized void powerOff() {
        state = TagState.IDLE;
        wokenFromHalt = false;
        level = 0;
        onDeselect();
    }

    @Override
    public final synchronized Optional<RfFrame> respond(RfFrame command) {
        if (command.bitCount() == 7) {
            return shortFrame(command.byteAt(0));
        }
        if (command.bitCount() < 8) {
            return Optional.empty();
        }
        return switch (state) {
            case IDLE, HALT -> Optional.empty();
            case READY -> ready(command);
            case ACTIVE, AUTHENTICATED -> active(command);
        };
    }

    private Optional<RfFrame> shortFrame(int code) {
        if (code != REQA && code != WUPA) {
            if (state != TagState.IDLE && state != TagState.HALT) {
                leave();
            }
            return Optional.empty();
        }
        switch (state) {
            case IDLE, HALT -> {
                if (state == TagState.HALT && code != WUPA) {
                    return Optional.empty();
                }
                wokenFromHalt = state == TagState.HALT;
                state = TagState.READY;
                level = 0;
                return Optional.of(RfFrame.of((byte) atqa, (byte) (atqa >> 8)));
            }
            case READY -> {
                level = 0;
                return Optional.of(RfFrame.of((byte) atqa, (byte) (atqa >> 8)));
            }
            default -> {
                leave();
                return Optional.empty();
            }
        }
    }

    private Optional<RfFrame> ready(RfFrame command) {
        if (isHlta(command)) {
            return Optional.empty(); // addressed to the selected tag; this one stays READY
        }
        int sel = command.byteAt(0);
        boolean isSel = sel == Cascade.SEL[0] || sel == Cascade.SEL[1] || sel == Cascade.SEL[2];
        if (!isSel || command.byteLength() < 2) {
            leave();
            return Optional.empty();
        }
        if (sel != Cascade.SEL[level]) {
            return Optional.empty(); // addressed to tags at another cascade level
        }
        byte[] cln = Cascade.levelBytes(uid, level);
        int nvb = command.byteAt(1);
        if (nvb == 0x70) {
            byte[] b = command.bytes();
            if (command.bitCount() != 72 || !CrcA.check(b)) {
                return Optional.empty();
            }
            for (int i = 0; i < 5; i++) {
                if (b[2 + i] != cln[i]) {
                    return Optional.empty();
                }
            }
            if (level < Cascade.levels(uid) - 1) {
                level++;
                return Optional.of(RfFrame.of(CrcA.append(new byte[] {0x04})));
            }
            state = TagState.ACTIVE;
            return Optional.of(RfFrame.of(CrcA.append(new byte[] {(byte) sak})));
        }
        int bytes = nvb >> 4;
        int bits = nvb & 0x0F;
        int known = (bytes - 2) * 8 + bits;
        if (bytes < 2 || bits > 7 || known >= 40 || command.bitCount() != 16 + known) {
            return Optional.empty();
        }
        RfFrame own = RfFrame.of(cln);
        for (int i = 0; i < known; i++) {
            if (command.bit(16 + i) != own.bit(i)) {
                return Optional.empty();
            }
        }
        return Optional.of(own.tailFrom(known));
    }

    private Optional<RfFrame> active(RfFrame command) {
        if (isHlta(command)) {
            state = TagState.HALT;
            wokenFromHalt = true;
            level = 0;
            onDeselect();
            return Optional.empty();
        }
        return activeCommand(command);
    }

    private static boolean isHlta(RfFrame command) {
        return command.bitCount() == 32 && command.byteAt(0) == HLTA && command.byteAt(1) == 0
                && CrcA.check(command.bytes());
    }

    /** A frame for the tag while it is ACTIVE or AUTHENTICATED (HLTA already handled). */
    protected abstract Optional<RfFrame> activeCommand(RfFrame command);

    /** The tag left ACTIVE/AUTHENTICATED (halt, error, power loss): forget sessions. */
    protected void onDeselect() {
    }

    /** Back to IDLE, or HALT if the tag was woken from HALT; used on errors. */
    protected final void leave() {
        state = wokenFromHalt ? TagState.HALT : TagState.IDLE;
        level = 0;
        onDeselect();
    }

    protected final void enterAuthenticated() {
        state = TagState.AUTHENTICATED;
    }

    protected final boolean isAuthenticated() {
        return state == TagState.AUTHENTICATED;
    }

    protected static RfFrame ack() {
        return RfFrame.ofBits(new byte[] {ACK}, 4);
    }

    /** A 4-bit NAK; the tag leaves the ACTIVE state as NTAG and MIFARE tags do after a NAK. */
    protected final Optional<RfFrame> nakAndLeave(int code) {
        leave();
        return Optional.of(RfFrame.ofBits(new byte[] {(byte) code}, 4));
    }

    protected static Optional<RfFrame> withCrc(byte[] data) {
        return Optional.of(RfFrame.of(CrcA.append(data)));
    }

    /** True when the frame is whole bytes of exactly {@code length} (CRC included) with a good CRC_A. */
    protected static boolean wellFormed(RfFrame command, int length) {
        return command.isWholeBytes() && command.byteLength() == length && CrcA.check(command.bytes());
    }
}
