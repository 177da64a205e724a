package dev.portal.portalctl.testing;

import dev.portal.protocol.frame.TagType;
import dev.portal.protocol.frame.ToyAreas;
import dev.portal.protocol.frame.WriteArea;
import dev.portal.protocol.id.Uid;
import dev.portal.protocol.toy.Area;
import dev.portal.protocol.toy.AreaBytes;
import dev.portal.protocol.toy.FleetKey;
import dev.portal.protocol.toy.TagLayout;
import dev.portal.protocol.toy.ToyImage;
import dev.portal.protocol.toy.ToyVerdict;
import dev.portal.protocol.toy.UnitWrite;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A tag on the fake portal: an NTAG215's two save areas as bytes, made as {@link FakePortal.Tag} describes it
 * (a record signed with the fake's toy key, by the fake's factory) and written as a 1.1 portal writes them.
 * Confined to the fake's command thread once placed.
 */
final class FakeTag {
    private static final TagLayout LAYOUT = TagLayout.NTAG215;

    private final Uid uid;
    private final byte[] a = new byte[LAYOUT.areaBytes()];
    private final byte[] b = new byte[LAYOUT.areaBytes()];

    private FakeTag(Uid uid) {
        this.uid = uid;
    }

    static FakeTag made(FakePortal.Tag spec, FleetKey key) {
        FakeTag t = new FakeTag(spec.uid());
        spec.record().ifPresent(r -> {
            byte[] image = ToyImage.encode(r, spec.uid().bytes(), key, 1);
            System.arraycopy(image, 0, t.a, 0, image.length);
        });
        if (spec.verdict() == ToyVerdict.TAMPERED) {
            t.a[8] ^= 0x01; // inside the body: the authenticity tag no longer matches
        }
        if (spec.verdict() == ToyVerdict.UNKNOWN) {
            byte[] foreign = "\u0003\u0010\u00D1\u0001\u000CU\u0004example.org\u00FE".getBytes(StandardCharsets.ISO_8859_1);
            System.arraycopy(foreign, 0, t.a, 0, foreign.length);
        }
        return t;
    }

    Uid uid() {
        return uid;
    }

    /** Both areas as a portal reports them. */
    ToyAreas report(int pad, int slot) {
        return new ToyAreas(pad, slot, uid, TagType.NTAG215, Optional.of(AreaBytes.of(a)), Optional.of(AreaBytes.of(b)));
    }

    /** The target's first unit zeroed first when asked, then the image, its first unit last. */
    void write(WriteArea w) {
        List<UnitWrite> writes = new ArrayList<>();
        if (w.clearFirst()) {
            writes.add(LAYOUT.clearFirstUnit(w.target()));
        }
        writes.addAll(LAYOUT.split(w.target(), w.image().bytes()));
        byte[] area = w.target() == Area.A ? a : b;
        List<Integer> units = LAYOUT.units(w.target());
        for (UnitWrite u : writes) {
            System.arraycopy(u.data(), 0, area, units.indexOf(u.unit()) * LAYOUT.unitSize(), LAYOUT.unitSize());
        }
    }
}
