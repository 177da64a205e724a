package dev.portal.hardware.mfrc522;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.portal.hardware.sim.tag.Ntag21x;
import dev.portal.hardware.sim.tag.NtagType;
import dev.portal.hardware.reader.ReaderException;
import dev.portal.hardware.reader.ReaderException.Failure;
import dev.portal.hardware.reader.TagSession;
import dev.portal.hardware.reader.Uid;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Mfrc522NtagTest {
    private static final Uid UID = Uid.parse("04A1B2C3D4E5F6");

    private static Ntag21x tagWithData(NtagType type) {
        byte[] pages = Ntag21x.factoryPages(type, UID);
        byte[] user = new byte[type.userBytes()];
        new Random(5).nextBytes(user);
        System.arraycopy(user, 0, pages, 16, user.length);
        return new Ntag21x(type, UID, pages);
    }

    @Test
    void fastReadOfTheWholeNtag215MatchesItsMemory() throws Exception {
        try (Mfrc522Rig rig = Mfrc522Rig.single()) {
            Ntag21x tag = tagWithData(NtagType.NTAG215);
            rig.field().add(tag);
            try (TagSession s = rig.reader().select(UID)) {
                byte[] all = s.fastRead(0, 134);
                byte[] expected = tag.dump();
                Arrays.fill(expected, 133 * 4, 135 * 4, (byte) 0); // PWD and PACK read as zeros
                assertArrayEquals(expected, all);
                assertArrayEquals(Arrays.copyOfRange(expected, 4 * 4, 8 * 4), s.readPages(4));
            }
        }
    }

    @Test
    void readWrapsAroundAtTheEndOfMemory() throws Exception {
        try (Mfrc522Rig rig = Mfrc522Rig.single()) {
            Ntag21x tag = tagWithData(NtagType.NTAG213);
            rig.field().add(tag);
            try (TagSession s = rig.reader().select(UID)) {
                byte[] wrapped = s.readPages(43);
                assertArrayEquals(Arrays.copyOf(tag.dump(), 8), Arrays.copyOfRange(wrapped, 8, 16));
            }
        }
    }

    @Test
    void writtenPagesAreReadBack() throws Exception {
        try (Mfrc522Rig rig = Mfrc522Rig.single()) {
            Ntag21x tag = new Ntag21x(NtagType.NTAG213, UID);
            rig.field().add(tag);
            try (TagSession s = rig.reader().select(UID)) {
                for (int page = 4; page < 40; page++) {
                    s.writePage(page, new byte[] {(byte) page, 1, 2, 3});
                }
                byte[] user = s.fastRead(4, 39);
                for (int page = 4; page < 40; page++) {
                    assertEquals(page, user[(page - 4) * 4]);
                }
            }
        }
    }

    @Test
    void lockedPagesRefuseWritesAndKeepTheirData() throws Exception {
        try (Mfrc522Rig rig = Mfrc522Rig.single()) {
            Ntag21x tag = new Ntag21x(NtagType.NTAG213, UID);
            rig.field().add(tag);
            try (TagSession s = rig.reader().select(UID)) {
                s.writePage(6, new byte[] {6, 6, 6, 6});
                s.writePage(2, new byte[] {0, 0, 0x40, 0}); // static lock bit L6
                s.writePage(40, new byte[] {0x01, 0, 0, 0}); // dynamic lock bit: pages 16-17
                ReaderException e = assertThrows(ReaderException.class, () -> s.writePage(6, new byte[4]));
                assertEquals(Failure.PROTOCOL, e.failure());
                assertEquals(Failure.PROTOCOL,
                        assertThrows(ReaderException.class, () -> s.writePage(17, new byte[4])).failure());
                s.writePage(18, new byte[] {1, 1, 1, 1}); // the session selects the tag again after the NAK
                assertArrayEquals(new byte[] {6, 6, 6, 6}, Arrays.copyOf(s.readPages(6), 4));
            }
        }
    }

    @Test
    void passwordProtectionFromAuth0() throws Exception {
        try (Mfrc522Rig rig = Mfrc522Rig.single()) {
            Ntag21x tag = new Ntag21x(NtagType.NTAG215, UID);
            rig.field().add(tag);
            byte[] pwd = {0x50, 0x4F, 0x52, 0x54};
            try (TagSession s = rig.reader().select(UID)) {
                s.writePage(133, pwd);
                s.writePage(134, new byte[] {(byte) 0xCA, (byte) 0xFE, 0, 0});
                s.writePage(132, new byte[] {(byte) 0x80, 0, 0, 0}); // PROT: reads protected too
                s.writePage(131, new byte[] {0x04, 0, 0, 0x10}); // AUTH0 = page 16
            }
            try (TagSession s = rig.reader().select(UID)) {
                assertEquals(Failure.PROTOCOL, assertThrows(ReaderException.class,
                        () -> s.writePage(20, new byte[4])).failure());
                assertEquals(Failure.PROTOCOL, assertThrows(ReaderException.class,
                        () -> s.fastRead(10, 20)).failure());
                assertEquals(Failure.AUTHENTICATION, assertThrows(ReaderException.class,
                        () -> s.passwordAuthenticate(new byte[4])).failure());
                assertArrayEquals(new byte[] {(byte) 0xCA, (byte) 0xFE}, s.passwordAuthenticate(pwd));
                s.writePage(20, new byte[] {2, 0, 2, 0});
                assertEquals(2, s.fastRead(10, 20)[40]);
            }
        }
    }
}
