package dev.portal.protocol.foreign;

import java.util.Arrays;

/**
 * Who a LEGO Dimensions tag is, from its pages 0x24..0x26 (12 bytes, read after PWD_AUTH with
 * {@link LegoKeys#password}). Page 0x26 tells the kind: {@code 00 00 00 00} a character, {@code 00 01 00 00} a
 * vehicle or gadget. A vehicle's id is plain, a u32 little-endian in page 0x24 (1000 and up). A character's id is
 * encrypted in pages 0x24..0x25: read as two little-endian words, TEA-decrypted with {@link LegoKeys#teaKey}, both
 * words must be the same id (1..999): that repetition is the check.
 */
public final class LegoDimensions {
    public static final int FIRST_PAGE = 0x24;
    public static final int LAST_PAGE = 0x26;
    public static final int PAGES_BYTES = (LAST_PAGE - FIRST_PAGE + 1) * 4;
    private static final int FIRST_VEHICLE_ID = 1000;
    private static final byte[] CHARACTER_MARK = {0, 0, 0, 0};
    private static final byte[] VEHICLE_MARK = {0, 1, 0, 0};

    private LegoDimensions() {
    }

    /**
     * @param uid7  the tag's 7-byte UID
     * @param pages pages 0x24, 0x25 and 0x26, exactly {@value #PAGES_BYTES} bytes
     */
    public static Identification identify(byte[] uid7, byte[] pages) {
        if (uid7.length != LegoKeys.UID_BYTES) {
            return new Identification.NotForeign("LEGO Dimensions tags have a 7-byte UID, not " + uid7.length);
        }
        if (pages.length != PAGES_BYTES) {
            return new Identification.FailsCheck(ToyLine.LEGO_DIMENSIONS, "pages 0x24..0x26 gave " + pages.length
                    + " bytes, not " + PAGES_BYTES);
        }
        byte[] mark = Arrays.copyOfRange(pages, 8, 12);
        boolean vehicle = Arrays.equals(mark, VEHICLE_MARK);
        if (!vehicle && !Arrays.equals(mark, CHARACTER_MARK)) {
            return new Identification.NotForeign("page 0x26 is neither a character's nor a vehicle's mark");
        }
        long first = u32le(pages, 0);
        long second = u32le(pages, 4);
        if (first == 0 && second == 0) {
            return new Identification.NotForeign("pages 0x24..0x25 are empty");
        }
        if (vehicle) {
            if (second != 0 || first < FIRST_VEHICLE_ID || first > 0xFFFF) {
                return new Identification.FailsCheck(ToyLine.LEGO_DIMENSIONS, "vehicle pages 0x24..0x25 hold "
                        + first + " and " + second + ", not an id from " + FIRST_VEHICLE_ID + " and a zero page");
            }
            return new Identification.Identified(new ForeignToy(ToyLine.LEGO_DIMENSIONS, ToyForm.VEHICLE,
                    (int) first, 0, 0));
        }
        int[] plain = Tea.decrypt((int) first, (int) second, LegoKeys.teaKey(uid7));
        if (plain[0] != plain[1] || plain[0] <= 0 || plain[0] >= FIRST_VEHICLE_ID) {
            return new Identification.FailsCheck(ToyLine.LEGO_DIMENSIONS, String.format(
                    "the encrypted id decrypts to %08x %08x, not one character id (1..999) twice", plain[0],
                    plain[1]));
        }
        return new Identification.Identified(new ForeignToy(ToyLine.LEGO_DIMENSIONS, ToyForm.FIGURE, plain[0], 0,
                0));
    }

    /** Pages 0x24..0x26 of a character with this id: the id twice (big-endian words), encrypted, stored little-endian. */
    public static byte[] characterPages(byte[] uid7, int characterId) {
        if (characterId <= 0 || characterId >= FIRST_VEHICLE_ID) {
            throw new IllegalArgumentException("character ids are 1.." + (FIRST_VEHICLE_ID - 1) + ", not " + characterId);
        }
        int[] cipher = Tea.encrypt(characterId, characterId, LegoKeys.teaKey(uid7));
        byte[] pages = new byte[PAGES_BYTES];
        putU32le(pages, 0, cipher[0]);
        putU32le(pages, 4, cipher[1]);
        return pages;
    }

    /** Pages 0x24..0x26 of a vehicle or gadget with this id (1000..65535). */
    public static byte[] vehiclePages(int vehicleId) {
        if (vehicleId < FIRST_VEHICLE_ID || vehicleId > 0xFFFF) {
            throw new IllegalArgumentException("vehicle ids are " + FIRST_VEHICLE_ID + "..65535, not " + vehicleId);
        }
        byte[] pages = new byte[PAGES_BYTES];
        putU32le(pages, 0, vehicleId);
        System.arraycopy(VEHICLE_MARK, 0, pages, 8, 4);
        return pages;
    }

    private static long u32le(byte[] b, int at) {
        return (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16 | (b[at + 3] & 0xFFL) << 24;
    }

    private static void putU32le(byte[] b, int at, int value) {
        for (int i = 0; i < 4; i++) {
            b[at + i] = (byte) (value >>> (8 * i));
        }
    }
}
