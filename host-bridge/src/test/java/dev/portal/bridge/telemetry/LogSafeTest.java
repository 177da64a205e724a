package dev.portal.bridge.telemetry;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogSafeTest {
    @Test
    void printableTextIsKeptAsItIs() {
        assertEquals("portal/emoji-\uD83D\uDC09/evt caf\u00e9 \u043f\u043e\u0440\u0442\u0430\u043b \"q\";",
                LogSafe.text("portal/emoji-\uD83D\uDC09/evt caf\u00e9 \u043f\u043e\u0440\u0442\u0430\u043b \"q\";"));
    }

    @Test
    void controlsSeparatorsAndFormatCharactersAreEscaped() {
        assertEquals("a\\r\\nb\\tc\\u0000\\u001b[31m\\u0085\\u2028\\u202e\\ud800\\\\n",
                LogSafe.text("a\r\nb\tc\u0000\u001b[31m\u0085\u2028\u202E\uD800\\n"));
        assertEquals("null", LogSafe.text(null));
    }

    @Test
    void longTextIsCut() {
        String cut = LogSafe.text("x".repeat(1_000));
        assertTrue(cut.startsWith("x".repeat(LogSafe.MAX_CHARS)), cut);
        assertTrue(cut.endsWith("...(700 more chars)"), cut);
    }
}
