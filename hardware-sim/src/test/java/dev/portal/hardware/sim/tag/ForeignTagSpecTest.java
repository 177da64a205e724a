package dev.portal.hardware.sim.tag;

import dev.portal.protocol.foreign.SkylanderKeys;
import dev.portal.protocol.id.Uid;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The console's foreign toy specs: what they make, and a clear refusal for what they cannot. */
class ForeignTagSpecTest {
    @Test
    void aSpecMakesTheSameToyEveryTimeWithItsLinesKeysAndProtection() {
        ForeignTagSpec spec = ForeignTagSpec.parse("skylander:0x1c3:0x3000@7457caa9");
        assertEquals(Uid.parse("7457caa9"), spec.uid());
        MifareClassic1k figure = (MifareClassic1k) spec.build();
        assertArrayEquals(SkylanderKeys.keyA(spec.uid().bytes(), 15), Arrays.copyOf(figure.block(63), 6));
        assertArrayEquals(((MifareClassic1k) spec.build()).dump(), figure.dump(), "same spec, same memory");
        assertEquals(ForeignTagSpec.parse("lego:3").uid(), ForeignTagSpec.parse("lego:3").uid());
        assertEquals(7, ForeignTagSpec.parse("amiibo:0x0100").uid().length());
        Ntag21x lego = (Ntag21x) ForeignTagSpec.parse("lego:1123@0462b68ab44280").build();
        byte[] pwd = Arrays.copyOfRange(lego.dump(), NtagType.NTAG213.pwdPage() * 4, NtagType.NTAG213.pwdPage() * 4 + 4);
        assertArrayEquals(new byte[] {0x5A, 0x34, (byte) 0x95, 0x15}, pwd, "the issue's check vector");
    }

    @Test
    void badSpecsAreRefusedWithTheReason() {
        for (String bad : new String[] {"skylander", "furby:3", "skylander:x", "skylander:70000", "lego:1@0102",
            "skylander:1@04010203040506", "amiibo:1:2:3:4:5", "lego:1@zz"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ForeignTagSpec.parse(bad), bad);
            assertTrue(e.getMessage() != null && !e.getMessage().isEmpty(), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> ForeignTagSpec.parse("lego:0").build(),
                "LEGO ids start at 1");
    }
}
