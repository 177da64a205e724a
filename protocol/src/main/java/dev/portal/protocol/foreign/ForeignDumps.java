package dev.portal.protocol.foreign;

import dev.portal.protocol.id.Uid;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a whole-tag dump holds, for technicians ({@code portalctl identify}): the dump's size names the tag (180
 * bytes an NTAG213, 540 an NTAG215, 1024 a MIFARE Classic 1K, as reader tools write them), the UID given must be
 * the one the dump holds, and the tag's line is identified from the same bytes a portal reads.
 */
public final class ForeignDumps {
    public static final int NTAG213_BYTES = 45 * 4;
    public static final int NTAG215_BYTES = 135 * 4;
    public static final int CLASSIC_1K_BYTES = 1024;
    private static final HexFormat HEX = HexFormat.of();

    /** The tags a dump can be of. (Not the frame's TagType: this package stays below the frame package.) */
    public enum DumpedTag {
        NTAG213, NTAG215, CLASSIC_1K
    }

    /**
     * @param tagType        the tag the dump's size names
     * @param identification the line's verdict on it
     * @param keys           the keys or password derived from the UID, by name, in hex (what a reader needs)
     * @param details        what else the dump says that frames do not carry (the amiibo model number), by name
     */
    public record Report(DumpedTag tagType, Identification identification, Map<String, String> keys,
                         Map<String, String> details) {
        public Report {
            keys = Map.copyOf(keys);
            details = Map.copyOf(details);
        }
    }

    private ForeignDumps() {
    }

    public static Report identify(byte[] dump, Uid uid) throws DumpException {
        return switch (dump.length) {
            case NTAG213_BYTES -> lego(dump, uid);
            case NTAG215_BYTES -> amiibo(dump, uid);
            case CLASSIC_1K_BYTES -> skylander(dump, uid);
            default -> throw new DumpException("a dump of " + dump.length + " bytes is none of: " + NTAG213_BYTES
                    + " (NTAG213), " + NTAG215_BYTES + " (NTAG215), " + CLASSIC_1K_BYTES + " (MIFARE Classic 1K)");
        };
    }

    private static Report lego(byte[] dump, Uid uid) throws DumpException {
        requireNtagUid(dump, uid);
        byte[] pages = Arrays.copyOfRange(dump, LegoDimensions.FIRST_PAGE * 4, (LegoDimensions.LAST_PAGE + 1) * 4);
        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put("password", HEX.formatHex(LegoKeys.password(uid.bytes())));
        secrets.put("teaKey", HEX.formatHex(LegoKeys.teaKeyBytes(uid.bytes())));
        return new Report(DumpedTag.NTAG213, LegoDimensions.identify(uid.bytes(), pages), secrets, Map.of());
    }

    private static Report amiibo(byte[] dump, Uid uid) throws DumpException {
        requireNtagUid(dump, uid);
        byte[] magic = Arrays.copyOfRange(dump, Amiibo.MAGIC_PAGE * 4, Amiibo.MAGIC_PAGE * 4 + 4);
        byte[] id = Arrays.copyOfRange(dump, Amiibo.ID_FIRST_PAGE * 4, (Amiibo.ID_LAST_PAGE + 1) * 4);
        Identification identification = Amiibo.identify(magic, id);
        Map<String, String> details = identification instanceof Identification.Identified
                ? Map.of("modelNumber", String.format("%04x", Amiibo.modelNumber(id))) : Map.of();
        // an amiibo's password derives from its UID too, but no published description names it: not shown
        return new Report(DumpedTag.NTAG215, identification, Map.of(), details);
    }

    private static Report skylander(byte[] dump, Uid uid) throws DumpException {
        if (uid.length() != 4) {
            throw new DumpException("a MIFARE Classic 1K dump of a Skylanders figure needs its 4-byte UID, not "
                    + uid.length() + " bytes");
        }
        Map<String, String> secrets = new LinkedHashMap<>();
        for (int sector = 0; sector < SkylanderKeys.SECTORS; sector++) {
            secrets.put("keyA" + sector, HEX.formatHex(SkylanderKeys.keyA(uid.bytes(), sector)));
        }
        byte[] head = Arrays.copyOf(dump, Skylanders.HEAD_BYTES);
        return new Report(DumpedTag.CLASSIC_1K, Skylanders.identify(uid.bytes(), head), secrets, Map.of());
    }

    /** NTAG pages 0..1 hold UID bytes 0..2, BCC0, then bytes 3..6. */
    private static void requireNtagUid(byte[] dump, Uid uid) throws DumpException {
        if (uid.length() != 7) {
            throw new DumpException("an NTAG dump needs the tag's 7-byte UID, not " + uid.length() + " bytes");
        }
        byte[] u = uid.bytes();
        byte[] held = {dump[0], dump[1], dump[2], dump[4], dump[5], dump[6], dump[7]};
        if (!Arrays.equals(held, u)) {
            throw new DumpException("the dump holds UID " + HEX.formatHex(held) + ", not " + HEX.formatHex(u));
        }
    }
}
