package dev.portal.bridge.testing;

import dev.portal.protocol.frame.TagType;
import dev.portal.protocol.frame.ToyAreas;
import dev.portal.protocol.frame.WriteArea;
import dev.portal.protocol.id.Uid;
import dev.portal.protocol.toy.Area;
import dev.portal.protocol.toy.AreaBytes;
import dev.portal.protocol.toy.CoCreation;
import dev.portal.protocol.toy.Colours;
import dev.portal.protocol.toy.Upgrades;
import dev.portal.protocol.toy.FleetKey;
import dev.portal.protocol.toy.TagLayout;
import dev.portal.protocol.toy.ToyImage;
import dev.portal.protocol.toy.ToyRecord;
import dev.portal.protocol.toy.ToyVerdict;
import dev.portal.protocol.toy.UnitWrite;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A simulated NFC tag holding real save areas, as a factory wrote them with {@link #KEY} (the bridge under test
 * is given the same key). A portal reads its areas raw (ToyAreas) and writes host-made images into them
 * (WriteArea), unit by unit, as a real one does: the portal never judges.
 */
public final class SimTag {
    /** The toy key of the tests' factory and bridge (a test key: it protects nothing). */
    public static final String KEY_HEX = "5e1f7a0b9c2d4e6f8011223344556677889900aabbccddeeff0123456789abcd";
    /** {@link #KEY_HEX} as a key; a bridge in another process reads the hex from its --toy-key-file. */
    public static final FleetKey KEY = FleetKey.fromHex(KEY_HEX);

    private final Uid uid;
    private final TagType type;
    private final TagLayout layout;
    private final byte[][] areas;

    private SimTag(Uid uid, TagType type, byte[] a, byte[] b) {
        this.uid = uid;
        this.type = type;
        this.layout = type.toyLayout().orElseThrow();
        this.areas = new byte[][] {a, b};
    }

    /** A toy as the factory's provisioning wrote it: area A, counter 1, signed with {@link #KEY}. */
    public static SimTag toy(String uidHex, ToyRecord record) {
        Uid uid = Uid.parse(uidHex);
        byte[] a = Arrays.copyOf(ToyImage.encode(record, uid.bytes(), KEY, 1), TagLayout.NTAG215.areaBytes());
        return new SimTag(uid, TagType.NTAG215, a, new byte[TagLayout.NTAG215.areaBytes()]);
    }

    /** A tag in our format whose record fails its authenticity check (an edited level). */
    public static SimTag tampered(String uidHex) {
        SimTag tag = toy(uidHex, new ToyRecord(1, 0, new CoCreation("Forged", new Colours(0, 0, 0), Upgrades.NONE, 1, 1)));
        tag.areas[0][7 + 25] ^= 0x40;
        return tag;
    }

    public static SimTag blank(String uidHex) {
        int size = TagLayout.NTAG213.areaBytes();
        return new SimTag(Uid.parse(uidHex), TagType.NTAG213, new byte[size], new byte[size]);
    }

    public Uid uid() {
        return uid;
    }

    public String uidHex() {
        return uid.hex();
    }

    public TagType type() {
        return type;
    }

    /** What a portal reading this tag on pad/slot reports. */
    public synchronized ToyAreas read(int pad, int slot) {
        return new ToyAreas(pad, slot, uid, type, Optional.of(AreaBytes.of(areas[0])), Optional.of(AreaBytes.of(areas[1])));
    }

    /** The verdict the test key gives (what the bridge should conclude). */
    public synchronized ToyVerdict verdict() {
        return read(0, 0).judge(KEY).verdict();
    }

    public synchronized Optional<ToyRecord> record() {
        return read(0, 0).judge(KEY).record();
    }

    /** A copy of both areas, as a dump tool reads them off the tag. */
    public synchronized byte[][] dump() {
        return new byte[][] {areas[0].clone(), areas[1].clone()};
    }

    /** Writes a dump back onto the tag (a player restoring an old state, or a cloner's copy). */
    public synchronized void restore(byte[][] dump) {
        areas[0] = dump[0].clone();
        areas[1] = dump[1].clone();
    }

    /** A second tag with this one's UID and memory: a UID-writable "magic" tag carrying a faithful copy. */
    public synchronized SimTag cloned() {
        return new SimTag(uid, type, areas[0].clone(), areas[1].clone());
    }

    /**
     * Performs a WriteArea as a portal does: only if the tag still holds what the host planned from; the
     * target's first unit zeroed first when asked, the image's other units, then its first unit.
     */
    public synchronized boolean write(WriteArea write) {
        if (read(write.pad(), write.slot()).digest() != write.expectedDigest()) {
            return false;
        }
        List<UnitWrite> writes = new java.util.ArrayList<>();
        if (write.clearFirst()) {
            writes.add(layout.clearFirstUnit(write.target()));
        }
        writes.addAll(layout.split(write.target(), write.image().bytes()));
        List<Integer> units = layout.units(write.target());
        byte[] area = areas[write.target() == Area.A ? 0 : 1];
        for (UnitWrite w : writes) {
            int offset = units.indexOf(w.unit()) * layout.unitSize();
            System.arraycopy(w.data(), 0, area, offset, w.data().length);
        }
        return true;
    }
}
