package dev.portal.protocol.foreign;

/**
 * Who an amiibo is, from two places of its NTAG215 that are not encrypted: page 4, whose first byte is the amiibo
 * data magic 0xA5, and the 8-byte figure id in pages 0x15..0x16: game and character id (u16 big-endian), variant
 * (u8), figure type (u8: 0 figure, 1 card, 2 yarn, 3 band), model number (u16 big-endian), series (u8) and a
 * format byte that is always 0x02 (the check). The rest of the figure's data is encrypted and signed with keys
 * that are not public; a portal does not need it.
 */
public final class Amiibo {
    public static final int MAGIC_PAGE = 4;
    public static final int ID_FIRST_PAGE = 0x15;
    public static final int ID_LAST_PAGE = 0x16;
    public static final int ID_BYTES = 8;
    private static final int MAGIC = 0xA5;
    private static final int FORMAT = 0x02;

    private Amiibo() {
    }

    /**
     * @param magicPage page 4 (4 bytes)
     * @param id        pages 0x15..0x16, exactly {@value #ID_BYTES} bytes
     */
    public static Identification identify(byte[] magicPage, byte[] id) {
        if (magicPage.length < 1 || (magicPage[0] & 0xFF) != MAGIC) {
            return new Identification.NotForeign("page 4 does not start with the amiibo magic a5");
        }
        if (id.length != ID_BYTES) {
            return new Identification.FailsCheck(ToyLine.AMIIBO, "pages 0x15..0x16 gave " + id.length
                    + " bytes, not " + ID_BYTES);
        }
        if ((id[7] & 0xFF) != FORMAT) {
            return new Identification.FailsCheck(ToyLine.AMIIBO, String.format(
                    "the figure id ends with %02x, not the format byte 02", id[7] & 0xFF));
        }
        int character = (id[0] & 0xFF) << 8 | (id[1] & 0xFF);
        int type = id[3] & 0xFF;
        ToyForm form = type <= ToyForm.BAND.code() ? ToyForm.fromCode(type) : ToyForm.OTHER;
        return new Identification.Identified(new ForeignToy(ToyLine.AMIIBO, form,
                character, id[2] & 0xFF, id[6] & 0xFF));
    }

    /** The model number (pages 0x15..0x16 bytes 4..5, big-endian): shown by tools, not carried in frames. */
    public static int modelNumber(byte[] id) {
        return (id[4] & 0xFF) << 8 | (id[5] & 0xFF);
    }

    /** The 8 id bytes of a figure with these fields (model number 0): for tag models and tests. */
    public static byte[] id(int characterId, int variant, ToyForm form, int series) {
        return new byte[] {(byte) (characterId >>> 8), (byte) characterId, (byte) variant, (byte) form.code(), 0, 0,
            (byte) series, FORMAT};
    }
}
