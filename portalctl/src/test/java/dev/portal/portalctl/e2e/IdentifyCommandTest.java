package dev.portal.portalctl.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portal.hardware.sim.tag.ForeignTagSpec;
import dev.portal.hardware.sim.tag.MifareClassic1k;
import dev.portal.hardware.sim.tag.Ntag21x;
import dev.portal.hardware.sim.tag.VirtualTag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** portalctl identify: what a technician learns from a dump of a toy of another line, and from a bad dump. */
class IdentifyCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** The dump a reader tool writes of the tag the spec makes (every block or page, keys as stored). */
    private Path dump(String spec) throws Exception {
        VirtualTag tag = ForeignTagSpec.parse(spec).build();
        byte[] bytes = tag instanceof Ntag21x n ? n.dump() : ((MifareClassic1k) tag).dump();
        Path file = dir.resolve(spec.replaceAll("[^a-z0-9]", "_") + ".bin");
        Files.write(file, bytes);
        return file;
    }

    @Test
    void aSkylanderDumpShowsItsCharacterAndEverySectorKey() throws Exception {
        Path file = dump("skylander:0x1c3:0x3000@7457caa9");
        Cli.Run text = Cli.run("identify", file.toString(), "--uid", "74 57 CA A9");
        assertEquals(0, text.code(), text.toString());
        assertTrue(text.out().contains("line     skylanders"), text.toString());
        assertTrue(text.out().contains("character 451 (0x01c3)"), text.toString());
        assertTrue(text.out().contains("variant  12288 (0x3000)"), text.toString());
        assertTrue(text.out().contains("keyA0 4b0b20107ccb"), text.toString());
        assertTrue(text.out().contains("keyA15 82c7e64bc565"), "the issue's check vector: " + text);

        Cli.Run json = Cli.run("identify", file.toString(), "--uid", "7457caa9", "--json");
        assertEquals(0, json.code(), json.toString());
        JsonNode tree = JSON.readTree(json.out());
        assertEquals("identified", tree.get("verdict").asText());
        assertEquals("classic_1k", tree.get("tagType").asText());
        assertEquals("skylanders", tree.at("/foreign/line").asText());
        assertEquals(451, tree.at("/foreign/characterId").asInt());
        assertEquals(12288, tree.at("/foreign/variant").asInt());
        assertEquals("82c7e64bc565", tree.at("/keys/keyA15").asText());
    }

    @Test
    void legoAndAmiiboDumpsShowTheirIdsAndTheLegoPassword() throws Exception {
        JsonNode lego = JSON.readTree(Cli.run("identify", dump("lego:1123@0462b68ab44280").toString(), "--uid",
                "0462b68ab44280", "--json").out());
        assertEquals("vehicle", lego.at("/foreign/form").asText());
        assertEquals(1123, lego.at("/foreign/characterId").asInt());
        assertEquals("5a349515", lego.at("/keys/password").asText(), "the issue's check vector");
        JsonNode character = JSON.readTree(Cli.run("identify", dump("lego:3@0413bb1a994080").toString(), "--uid",
                "0413bb1a994080", "--json").out());
        assertEquals(3, character.at("/foreign/characterId").asInt(), "decrypted with the UID's TEA key");
        assertEquals("33ef82233a56082f78f06c7c246c3710", character.at("/keys/teaKey").asText());
        JsonNode amiibo = JSON.readTree(Cli.run("identify", dump("amiibo:0x0100:2:5@04a61672613e80").toString(),
                "--uid", "04a61672613e80", "--json").out());
        assertEquals("amiibo", amiibo.at("/foreign/line").asText());
        assertEquals(256, amiibo.at("/foreign/characterId").asInt());
        assertEquals(2, amiibo.at("/foreign/variant").asInt());
        assertEquals(5, amiibo.at("/foreign/series").asInt());
    }

    @Test
    void aDumpThatFailsItsChecksumIsSaidToAndGivesNoId() throws Exception {
        Cli.Run run = Cli.run("identify", dump("skylander:0x1c3@7457caa9!").toString(), "--uid", "7457caa9", "--json");
        assertEquals(1, run.code(), run.toString());
        JsonNode tree = JSON.readTree(run.out());
        assertEquals("fails_check", tree.get("verdict").asText());
        assertTrue(tree.get("reason").asText().contains("CRC-16"), tree.toString());
        assertEquals("failed", tree.at("/foreign/check").asText());
        assertTrue(tree.at("/foreign/characterId").isMissingNode(), tree.toString());
        Cli.Run text = Cli.run("identify", dump("lego:3@0413bb1a994080!").toString(), "--uid", "0413bb1a994080");
        assertEquals(1, text.code(), text.toString());
        assertTrue(text.out().contains("lego_dimensions: FAILS ITS CHECK"), text.toString());
    }

    @Test
    void aDumpOfTheWrongSizeOrOfAnotherTagIsRefusedWithTheReason() throws Exception {
        Path good = dump("lego:1123@0462b68ab44280");
        Path cut = dir.resolve("cut.bin");
        Files.write(cut, Arrays.copyOf(Files.readAllBytes(good), 179));
        Cli.Run size = Cli.run("identify", cut.toString(), "--uid", "0462b68ab44280");
        assertEquals(1, size.code(), size.toString());
        assertTrue(size.err().contains("a dump of 179 bytes is none of"), size.toString());
        assertEquals("", size.out());
        Cli.Run other = Cli.run("identify", good.toString(), "--uid", "04000000000001");
        assertEquals(1, other.code(), other.toString());
        assertTrue(other.err().contains("the dump holds UID 0462b68ab44280"), other.toString());
        Cli.Run missing = Cli.run("identify", dir.resolve("nothing.bin").toString(), "--uid", "0462b68ab44280");
        assertEquals(1, missing.code(), missing.toString());
        Cli.Run badUid = Cli.run("identify", good.toString(), "--uid", "zz");
        assertEquals(1, badUid.code(), badUid.toString());
        Cli.Run noUid = Cli.run("identify", good.toString());
        assertEquals(2, noUid.code(), noUid.toString());
    }

    @Test
    void aDumpOfOurOwnToyIsOfNoForeignLine() throws Exception {
        Path blank = dir.resolve("blank.bin");
        Files.write(blank, Ntag21x.factoryPages(dev.portal.hardware.sim.tag.NtagType.NTAG215,
                dev.portal.protocol.id.Uid.parse("04010203040506")));
        Cli.Run run = Cli.run("identify", blank.toString(), "--uid", "04010203040506", "--json");
        assertEquals(1, run.code(), run.toString());
        assertEquals("not_foreign", JSON.readTree(run.out()).get("verdict").asText());
    }
}
