package dev.portal.hardware.mfrc522;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.portal.hardware.sim.tag.MifareClassic1k;
import dev.portal.hardware.reader.MifareKey;
import dev.portal.hardware.reader.ReaderException;
import dev.portal.hardware.reader.ReaderException.Failure;
import dev.portal.hardware.reader.TagSession;
import dev.portal.hardware.reader.Uid;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class Mfrc522ClassicTest {
    private static final MifareKey FACTORY = MifareKey.factoryA();

    @Test
    void readsTheWholeCardWithTheFactoryKey() throws Exception {
        try (Mfrc522Rig rig = Mfrc522Rig.single()) {
            Uid uid = Uid.parse("04112233445566");
            MifareClassic1k card = new MifareClassic1k(uid);
            rig.field().add(card);
            byte[] dump = new byte[1024];
            try (TagSession s = rig.reader().select(uid)) {
                for (int block = 0; block < 64; block++) {
                    if (block % 4 == 0) {
                        s.authenticate(block, FACTORY);
                    }
                    System.arraycopy(s.readBlock(block), 0, dump, block * 16, 16);
                }
            }
            byte[] expected = card.dump();
            for (int sector = 0; sector < 16; sector++) {
                Arrays.fill(expected, (sector * 4 + 3) * 16, (sector * 4 + 3) * 16 + 6, (byte) 0); // key A hidden
            }
            assertArrayEquals(expected, dump);
        }
    }

    @Test
    void writeThenReadBackAndSurviveANewSession() throws Exception {
        try (Mfrc522Rig rig = Mfrc522Rig.single()) {
            Uid uid = Uid.parse("A1B2C3D4");
            MifareClassic1k card = new MifareClassic1k(uid);
            rig.field().add(card);
            byte[] record = "XP=1200;LVL=07;!".getBytes();
            try (TagSession s = rig.reader().select(uid)) {
                s.authenticate(9, FACTORY);
                s.writeBlock(9, record);
                assertArrayEquals(record, s.readBlock(9));
            }
            try (TagSession s = rig.reader().select(uid)) {
                s.authenticate(8, FACTORY);
                assertArrayEquals(record, s.readBlock(9));
            }
            assertArrayEquals(record, card.block(9));
        }
    }

    @Test
    void wrongKeyFailsWithAuthenticationAndTheRightKeyThenWorks() throws Exception {
        try (Mfrc522Rig rig = Mfrc522Rig.single()) {
            Uid uid = Uid.parse("A1B2C3D4");
            rig.field().add(new MifareClassic1k(uid));
            try (TagSession s = rig.reader().select(uid)) {
                MifareKey wrong = new MifareKey(MifareKey.Type.A, new byte[] {1, 2, 3, 4, 5, 6});
                ReaderException e = assertThrows(ReaderException.class, () -> s.authenticate(4, wrong));
                assertEquals(Failure.AUTHENTICATION, e.failure());
                s.authenticate(4, FACTORY);
                assertEquals(16, s.readBlock(4).length);
            }
        }
    }

    @Test
    void readingWithoutAuthenticationAndWritingBlockZeroAreRefused() throws Exception {
        try (Mfrc522Rig rig = Mfrc522Rig.single()) {
            Uid uid = Uid.parse("A1B2C3D4");
            MifareClassic1k card = new MifareClassic1k(uid);
            rig.field().add(card);
            try (TagSession s = rig.reader().select(uid)) {
                assertEquals(Failure.PROTOCOL, assertThrows(ReaderException.class, () -> s.readBlock(4)).failure());
                s.authenticate(0, FACTORY);
                ReaderException e = assertThrows(ReaderException.class, () -> s.writeBlock(0, new byte[16]));
                assertEquals(Failure.PROTOCOL, e.failure());
            }
            assertArrayEquals(MifareClassic1k.factoryDump(uid), card.dump(), "nothing was written");
        }
    }

    @Test
    void sessionOnAnAbsentTagFailsWithNoTag() throws Exception {
        try (Mfrc522Rig rig = Mfrc522Rig.single()) {
            rig.field().add(new MifareClassic1k(Uid.parse("A1B2C3D4")));
            ReaderException e = assertThrows(ReaderException.class, () -> rig.reader().select(Uid.parse("01020304")));
            assertEquals(Failure.NO_TAG, e.failure());
        }
    }

    @Test
    void sameResultsWithHostCrc() throws Exception {
        try (Mfrc522Rig rig = new Mfrc522Rig(1, 0x92, Mfrc522Options.DEFAULT.withCrc(CrcStrategy.HOST))) {
            Uid uid = Uid.parse("A1B2C3D4");
            rig.field().add(new MifareClassic1k(uid));
            try (TagSession s = rig.reader().select(uid)) {
                s.authenticate(1, FACTORY);
                s.writeBlock(1, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16});
                assertEquals(16, s.readBlock(1)[15]);
            }
        }
    }
}
