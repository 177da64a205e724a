package dev.portal.hardware.sim.tag;

import dev.portal.protocol.foreign.Amiibo;
import dev.portal.protocol.foreign.LegoDimensions;
import dev.portal.protocol.foreign.LegoKeys;
import dev.portal.protocol.foreign.SkylanderKeys;
import dev.portal.protocol.foreign.Skylanders;
import dev.portal.protocol.foreign.ToyForm;
import dev.portal.protocol.id.Uid;

import java.util.Arrays;
import java.util.Random;

/**
 * Models of toys of other toys-to-life lines, laid out as their factories make them (SPEC.md section 12): an
 * amiibo (NTAG215, pages 4 and up write-protected), a Skylanders figure (MIFARE Classic 1K with the sector-0 key
 * and UID-derived keys, sector 0 read-only) and LEGO Dimensions characters and vehicles (NTAG213 whose pages from
 * 0x24 on are read- and write-protected by the UID-derived password). Data these lines encrypt with keys that are
 * not public is filled with bytes drawn from the UID, so the same toy always has the same memory.
 */
public final class ForeignTags {
    private static final byte[] SKYLANDER_SECTOR_0_ACCESS = {0x0F, 0x0F, 0x0F, 0x69};
    private static final byte[] SKYLANDER_ACCESS = {0x7F, 0x0F, 0x08, 0x69};
    private static final byte[] LEGO_PACK = {(byte) 0xAA, 0x55};
    private static final int NTAG_PROT = 0x80;

    private ForeignTags() {
    }

    /** An amiibo with this figure id; {@code brokenCheck} spoils the id's format byte. */
    public static Ntag21x amiibo(Uid uid, int characterId, int variant, ToyForm form, int series,
                                 boolean brokenCheck) {
        NtagType type = NtagType.NTAG215;
        byte[] m = Ntag21x.factoryPages(type, uid);
        fill(m, Amiibo.MAGIC_PAGE * 4, type.dynamicLockPage() * 4, uid);
        m[10] = 0x0F; // static lock bytes as on a sold figure
        m[11] = (byte) 0xE0;
        System.arraycopy(new byte[] {(byte) 0xF1, 0x10, (byte) 0xFF, (byte) 0xEE}, 0, m, 12, 4);
        System.arraycopy(new byte[] {(byte) 0xA5, 0, 0, 0}, 0, m, Amiibo.MAGIC_PAGE * 4, 4);
        byte[] id = Amiibo.id(characterId, variant, form, series);
        if (brokenCheck) {
            id[7] ^= 0x01;
        }
        System.arraycopy(id, 0, m, Amiibo.ID_FIRST_PAGE * 4, id.length);
        m[type.cfg0Page() * 4 + 3] = 0x04; // AUTH0: writes from page 4 need the figure's password
        m[type.cfg1Page() * 4] = 0x5F; // CFGLCK, AUTHLIM 7; reads stay free
        fill(m, type.pwdPage() * 4, type.pwdPage() * 4 + 6, uid); // a password this project never needs
        return new Ntag21x(type, uid, m);
    }

    /** A Skylanders figure (4-byte UID); {@code brokenCheck} changes the character id without its CRC. */
    public static MifareClassic1k skylander(Uid uid, int characterId, int variant, boolean brokenCheck) {
        if (uid.length() != 4) {
            throw new IllegalArgumentException("a Skylanders figure has a 4-byte UID, not " + uid.length());
        }
        byte[] dump = MifareClassic1k.factoryDump(uid);
        fill(dump, 32, dump.length, uid); // the figure's encrypted save data
        byte[] head = Skylanders.head(uid.bytes(), characterId, variant);
        if (brokenCheck) {
            head[16] ^= 0x01;
        }
        System.arraycopy(head, 0, dump, 0, head.length);
        for (int sector = 0; sector < SkylanderKeys.SECTORS; sector++) {
            int trailer = (sector * 4 + 3) * MifareClassic1k.BLOCK_SIZE;
            System.arraycopy(SkylanderKeys.keyA(uid.bytes(), sector), 0, dump, trailer, 6);
            System.arraycopy(sector == 0 ? SKYLANDER_SECTOR_0_ACCESS : SKYLANDER_ACCESS, 0, dump, trailer + 6, 4);
            Arrays.fill(dump, trailer + 10, trailer + 16, (byte) 0);
        }
        return new MifareClassic1k(uid, dump);
    }

    /** A LEGO Dimensions character (id 1..999) or vehicle (1000 and up); {@code brokenCheck} spoils the id pages. */
    public static Ntag21x lego(Uid uid, int id, boolean brokenCheck) {
        NtagType type = NtagType.NTAG213;
        byte[] m = Ntag21x.factoryPages(type, uid);
        byte[] ndefText = {0x03, 0x0A, (byte) 0xD1, 0x01, 0x06, 0x54, 0x02, 0x65, 0x6E, 0x4C, 0x44, 0x31,
            (byte) 0xFE}; // an NDEF text record "LD1", as sold tags carry one
        System.arraycopy(ndefText, 0, m, 16, ndefText.length);
        byte[] pages = id < 1000 ? LegoDimensions.characterPages(uid.bytes(), id) : LegoDimensions.vehiclePages(id);
        if (brokenCheck) {
            pages[5] ^= 0x10; // page 0x25: a character's cipher text, a vehicle's zero page (its id has no check)
        }
        System.arraycopy(pages, 0, m, LegoDimensions.FIRST_PAGE * 4, pages.length);
        m[type.cfg0Page() * 4 + 3] = (byte) LegoDimensions.FIRST_PAGE; // AUTH0
        m[type.cfg1Page() * 4] = (byte) NTAG_PROT; // reads from AUTH0 on need the password too
        System.arraycopy(LegoKeys.password(uid.bytes()), 0, m, type.pwdPage() * 4, 4);
        System.arraycopy(LEGO_PACK, 0, m, type.packPage() * 4, 2);
        return new Ntag21x(type, uid, m);
    }

    private static void fill(byte[] memory, int from, int to, Uid uid) {
        byte[] noise = new byte[to - from];
        new Random(Arrays.hashCode(uid.bytes())).nextBytes(noise);
        System.arraycopy(noise, 0, memory, from, noise.length);
    }
}
