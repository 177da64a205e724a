package dev.portal.protocol.toy;

import dev.portal.protocol.id.Uid;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebCodeTest {
    private static final Uid UID = Uid.parse("04A1B2C3D4E5F6");

    @Test
    void aCodeIsTwelveCrockfordSymbolsPrintedInThreeGroups() {
        SecureRandom random = new SecureRandom();
        Set<Character> seen = new HashSet<>();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String printed = WebCode.random(random).printed();
            assertTrue(Pattern.matches("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}", printed),
                    printed);
            printed.chars().filter(c -> c != '-').forEach(c -> seen.add((char) c));
            codes.add(printed);
        }
        assertEquals(32, seen.size(), "every symbol of the alphabet comes up: " + seen);
        assertEquals(2000, codes.size(), "60 random bits do not repeat in 2000 codes");
    }

    @Test
    void typedCodesAreReadAsAPersonMeantThem() {
        WebCode code = WebCode.parse("0123-4567-89AB").orElseThrow();
        assertEquals("0123-4567-89AB", code.printed());
        assertEquals(Optional.of(code), WebCode.parse("o123 4567 89ab"), "lower case, spaces, O for 0");
        assertEquals(Optional.of(code), WebCode.parse("0l23-4567-89AB"), "l for 1");
        assertEquals(Optional.of(code), WebCode.parse("OI23-4567-89AB"), "I for 1");
        assertEquals(Optional.of(code), WebCode.parse("0123456789AB"));
        assertEquals(Optional.of(code), WebCode.parse(" -0123--456789AB- "));
        for (String bad : new String[] {"", "0123-4567-89A", "0123-4567-89ABC", "0123-4567-89AU", "0123_4567_89AB",
                "0123-4567-89A\u0411", "0123-4567-89A\u00e9", "\uff10123-4567-89AB"}) {
            assertEquals(Optional.empty(), WebCode.parse(bad), bad);
        }
        assertEquals(Optional.empty(), WebCode.parse(null));
        assertEquals(Optional.empty(), WebCode.parse("0".repeat(10_000)));
    }

    @Test
    void theDigestIsSha256OverTheDomainTheUidAndTheSymbols() {
        // printf 'portal-webcode-v1' ; printf '\x04\xA1\xB2\xC3\xD4\xE5\xF6' ; printf '0123456789AB'  | sha256sum
        WebCode code = WebCode.parse("0123-4567-89AB").orElseThrow();
        assertEquals("8651dedec5412458b7f0eeee370562ca713d58fd215be32d05ebf9ac86f6dd6e", code.digest(UID));
        assertNotEquals(code.digest(UID), code.digest(Uid.parse("04A1B2C3D4E5F7")), "the UID is part of it");
    }

    @Test
    void onlyTheRightCodeForTheRightToyMatches() {
        WebCode code = WebCode.parse("0123-4567-89AB").orElseThrow();
        String digest = code.digest(UID);
        assertTrue(code.matches(UID, digest));
        assertTrue(WebCode.parse("0123-4567-89ab").orElseThrow().matches(UID, digest));
        assertFalse(WebCode.parse("0123-4567-89AC").orElseThrow().matches(UID, digest));
        assertFalse(code.matches(Uid.parse("04A1B2C3D4E5F7"), digest));
        assertFalse(code.matches(UID, digest.toUpperCase()), "the digest is lower-case hex, as stored");
        assertFalse(code.matches(UID, null));
        assertFalse(code.matches(UID, ""));
    }

    @Test
    void aCodeNeverShowsInALogLine() {
        assertFalse(WebCode.parse("0123-4567-89AB").orElseThrow().toString().contains("0123"));
    }
}
