package dev.portal.protocol.toy;

import java.util.HexFormat;

/** Fixed keys and UIDs for tests. */
final class TestKeys {

    static final FleetKey FLEET = FleetKey.fromHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    static final FleetKey OTHER_FLEET = FleetKey.fromHex("f0e1d2c3b4a5968778695a4b3c2d1e0f00112233445566778899aabbccddeeff");
    static final byte[] UID7 = HexFormat.of().parseHex("04a1b2c3d4e5f6");
    static final byte[] OTHER_UID7 = HexFormat.of().parseHex("04a1b2c3d4e5f7");
    static final byte[] UID4 = HexFormat.of().parseHex("de ad be ef".replace(" ", ""));

    private TestKeys() {
    }
}
