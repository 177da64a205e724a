package dev.portal.protocol.toy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FleetKeyTest {

    private static final String HEX = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";

    @Test
    void hexBytesAndFilesGiveTheSameKey(@TempDir Path dir) throws IOException {
        FleetKey fromHex = FleetKey.fromHex("  " + HEX.toUpperCase() + "\n");
        assertEquals(fromHex, FleetKey.of(HexFormat.of().parseHex(HEX)));
        Path hexFile = Files.writeString(dir.resolve("fleet.key"), HEX.substring(0, 32) + "\n" + HEX.substring(32) + "\n");
        assertEquals(fromHex, FleetKey.fromFile(hexFile));
        Path rawFile = Files.write(dir.resolve("fleet.bin"), HexFormat.of().parseHex(HEX));
        assertEquals(fromHex, FleetKey.fromFile(rawFile));
        assertNotEquals(fromHex, TestKeys.OTHER_FLEET);
    }

    @Test
    void theKeyIsNeverPrintedOnlyItsFingerprint() {
        FleetKey key = FleetKey.fromHex(HEX);
        assertFalse(key.toString().contains("0001020304"), key.toString());
        assertTrue(key.toString().contains(key.id()));
        assertEquals(8, key.id().length());
        assertNotEquals(key.id(), TestKeys.OTHER_FLEET.id());
    }

    @Test
    void badKeysAreRejectedWithClearMessages(@TempDir Path dir) throws IOException {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FleetKey.fromHex("abcd"))
                .getMessage().contains("64 hex digits"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FleetKey.fromHex("zz" + HEX.substring(2)))
                .getMessage().contains("not hexadecimal"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FleetKey.of(new byte[32]))
                .getMessage().contains("identical"));
        assertThrows(IllegalArgumentException.class, () -> FleetKey.of(new byte[16]));
        Path shortFile = Files.writeString(dir.resolve("short.key"), "00112233", StandardCharsets.US_ASCII);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FleetKey.fromFile(shortFile))
                .getMessage().contains(shortFile.toString()));
        assertThrows(IOException.class, () -> FleetKey.fromFile(dir.resolve("missing.key")));
    }

    @Test
    void aCopiedKeyArrayCannotChangeTheKey() {
        byte[] bytes = HexFormat.of().parseHex(HEX);
        FleetKey key = FleetKey.of(bytes);
        bytes[0] = 42;
        assertEquals(FleetKey.fromHex(HEX), key);
    }
}
