package dev.portal.protocol.frame;

/** What a device can do, announced in Birth as bits of a u32 (code = bit index). Open set: unknown bits are ignored. */
public enum Capability {
    LED(0),
    TOY_WRITE(1),
    CALIBRATION(2),
    CONFIG(3),
    FIRMWARE_UPDATE(4),
    MULTI_TAG(5),
    SERIAL_CONSOLE(6),
    /** Since 1.1: reports ToyAreas for the host to judge and takes ShowVerdict and WriteArea; holds no toy key. */
    HOST_JUDGED(7),
    /** Since 1.2: identifies toys of other lines (amiibo, Skylanders, LEGO Dimensions), sent as ToyRead FOREIGN. */
    FOREIGN_TOYS(8);

    private static final Codes<Capability> CODES = Codes.of(Capability.class, Capability::code);

    private final int code;

    Capability(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The constant for a wire code, or null when this version does not know the code. */
    public static Capability fromCode(int code) {
        return CODES.find(code);
    }
}
