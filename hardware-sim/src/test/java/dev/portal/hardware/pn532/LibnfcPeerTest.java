package dev.portal.hardware.pn532;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.portal.hardware.sim.tag.MifareClassic1k;
import dev.portal.protocol.id.Uid;
import dev.portal.testsupport.Await;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * libnfc 1.8 as an independent PN532 host: nfc-list and nfc-mfclassic talk to the PN532 model over a socat pty
 * pair exactly as they would to a PN532 on a UART. The tools must be installed (scripts/test installs them);
 * a missing tool fails the test.
 */
class LibnfcPeerTest {
    private static final Logger log = LoggerFactory.getLogger(LibnfcPeerTest.class);
    /** Sector key A values, all from nfc-mfclassic's built-in key list, so it must try several per sector. */
    private static final List<String> KEYS_A = List.of("FFFFFFFFFFFF", "A0A1A2A3A4A5", "D3F7D3F7D3F7", "B0B1B2B3B4B5");

    @TempDir
    Path dir;

    @BeforeAll
    static void toolsArePresent() throws Exception {
        for (String tool : List.of("nfc-list", "nfc-mfclassic", "nfc-poll", "socat")) {
            Process p = new ProcessBuilder("sh", "-c", "command -v " + tool).start();
            if (p.waitFor() != 0) {
                fail(tool + " is not installed (Debian packages libnfc-bin, libnfc-examples, socat); scripts/test installs them");
            }
        }
    }

    @Test
    void nfcListPrintsTheUidOfOneCard() throws Exception {
        try (ModelOnPty chip = new ModelOnPty(dir)) {
            chip.field.add(new MifareClassic1k(Uid.parse("DEADBEEF")));
            String out = run(chip, "nfc-list");
            assertTrue(out.contains("1 ISO14443A passive target(s) found"), out);
            assertTrue(out.contains("UID (NFCID1): de  ad  be  ef"), out);
            assertTrue(out.contains("ATQA (SENS_RES): 00  04"), out);
            assertTrue(out.contains("SAK (SEL_RES): 08"), out);
            assertFalse(out.contains("error"), out);
            assertSocatEnds(chip);
        }
    }

    @Test
    void nfcListFindsA4ByteAndA7ByteCardTogether() throws Exception {
        try (ModelOnPty chip = new ModelOnPty(dir)) {
            chip.field.add(new MifareClassic1k(Uid.parse("DEADBEEF")));
            chip.field.add(new MifareClassic1k(Uid.parse("04112233445566")));
            String out = run(chip, "nfc-list");
            assertTrue(out.contains("2 ISO14443A passive target(s) found"), out);
            assertTrue(out.contains("UID (NFCID1): de  ad  be  ef"), out);
            assertTrue(out.contains("UID (NFCID1): 04  11  22  33  44  55  66"), out);
            // each tag with the ATQA size bits of its own UID, although both answered the same REQA
            assertTrue(out.contains("00  04  \n       UID (NFCID1): de  ad  be  ef"), out);
            assertTrue(out.contains("00  44  \n       UID (NFCID1): 04  11  22  33  44  55  66"), out);
        }
    }

    @Test
    void nfcPollSeesTheCardAndItsRemoval() throws Exception {
        try (ModelOnPty chip = new ModelOnPty(dir)) {
            MifareClassic1k tag = new MifareClassic1k(Uid.parse("A1B2C3D4"));
            chip.field.add(tag);
            Path output = dir.resolve("nfc-poll.out");
            Process poll = libnfc(chip, "nfc-poll").redirectOutput(output.toFile()).start();
            try {
                Await.until("nfc-poll to wait for the card's removal", () -> {
                    String printed = Files.readString(output);
                    if (printed.contains("Waiting for card removing")) {
                        return true;
                    }
                    assertTrue(poll.isAlive(), printed);
                    return false;
                }, Duration.ofSeconds(20));
                chip.field.remove(tag);
                assertTrue(poll.waitFor(20, TimeUnit.SECONDS), Files.readString(output));
            } finally {
                poll.destroyForcibly();
            }
            String out = Files.readString(output);
            keep("nfc-poll", poll.exitValue(), out);
            assertEquals(0, poll.exitValue(), out);
            assertTrue(out.contains("UID (NFCID1): a1  b2  c3  d4"), out);
            assertTrue(out.contains("done."), out);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"DEADBEEF", "04112233445566"})
    void nfcMfclassicDumpsEveryByteItCanKnow(String uidHex) throws Exception {
        Uid uid = Uid.parse(uidHex);
        byte[] card = cardImage(uid);
        MifareClassic1k tag = new MifareClassic1k(uid, card);
        Path dump = dir.resolve("dump.mfd");
        try (ModelOnPty chip = new ModelOnPty(dir)) {
            chip.field.add(tag);
            String out = run(chip, "nfc-mfclassic", "r", "a", "u", dump.toString());
            assertTrue(out.contains("Done, 64 of 64 blocks read."), out);
        }
        byte[] read = Files.readAllBytes(dump);
        assertEquals(1024, read.length);
        for (int block = 0; block < 64; block++) {
            for (int i = 0; i < 16; i++) {
                int at = block * 16 + i;
                // nfc-mfclassic fills key B from its key file; without one it cannot know key B
                boolean keyB = block % 4 == 3 && i >= 10;
                if (!keyB) {
                    assertEquals(card[at], read[at], String.format("block %d byte %d", block, i));
                }
            }
        }
    }

    /** A card with varied data in every block, non-default keys and varied GPB bytes. */
    static byte[] cardImage(Uid uid) {
        byte[] card = MifareClassic1k.factoryDump(uid);
        byte[] u = uid.bytes();
        int manufacturerFrom = u.length == 4 ? 7 : 9;
        for (int i = manufacturerFrom; i < 16; i++) {
            card[i] = (byte) (0x40 + i);
        }
        for (int block = 1; block < 64; block++) {
            int base = block * 16;
            if (block % 4 == 3) {
                int sector = block / 4;
                byte[] keyA = HexFormat.of().parseHex(KEYS_A.get(sector % KEYS_A.size()));
                System.arraycopy(keyA, 0, card, base, 6);
                card[base + 9] = (byte) (0x60 + sector); // GPB
                for (int i = 10; i < 16; i++) {
                    card[base + i] = (byte) (0x11 * sector + i); // key B
                }
            } else {
                for (int i = 0; i < 16; i++) {
                    card[base + i] = (byte) (block * 37 + i * 11 + 5);
                }
            }
        }
        return card;
    }

    private static ProcessBuilder libnfc(ModelOnPty chip, String... command) {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("LIBNFC_DEVICE", "pn532_uart:" + chip.hostEnd());
        env.put("LIBNFC_AUTO_SCAN", "false");
        env.remove("LIBNFC_LOG_LEVEL");
        return pb;
    }

    private static String run(ModelOnPty chip, String... command) throws IOException, InterruptedException {
        Process p = libnfc(chip, command).start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(String.join(" ", command) + " did not finish in 30 s");
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        log.info("{} exited {}:\n{}", String.join(" ", command), p.exitValue(), out);
        keep(String.join(" ", command).replace(chip.hostEnd(), "PTY"), p.exitValue(), out);
        if (!command[0].equals("nfc-list")) { // nfc-list exits 0 even when it fails; the others do not
            assertEquals(0, p.exitValue(), out);
        }
        return out;
    }

    /** Keeps what libnfc printed under target/libnfc-peer/, as evidence of the run. */
    private static void keep(String command, int exit, String out) throws IOException {
        Path dir = Path.of("target", "libnfc-peer");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("transcript.txt"), "$ " + command + "   (exit " + exit + ")\n" + out + "\n",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    private static void assertSocatEnds(ModelOnPty chip) throws InterruptedException {
        long pid = chip.chip.socatPid();
        chip.close();
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "socat " + pid + " still runs");
    }
}
