package dev.portal.hardware.pn532;

import dev.portal.hardware.sim.tag.MifareClassic1k;
import dev.portal.hardware.sim.tag.Ntag21x;
import dev.portal.hardware.sim.tag.NtagType;
import dev.portal.hardware.reader.Uid;

/** Virtual tags the PN532 tests put in the field. */
final class Tags {
    static final Uid CLASSIC_4 = Uid.parse("DEADBEEF");
    static final Uid CLASSIC_7 = Uid.parse("04112233445566");
    static final Uid NTAG = Uid.parse("04A1B2C3D4E5F6");

    private Tags() {
    }

    static MifareClassic1k classic(Uid uid) {
        return new MifareClassic1k(uid);
    }

    static Ntag21x ntag215(Uid uid) {
        return new Ntag21x(NtagType.NTAG215, uid);
    }
}
