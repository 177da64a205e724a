package dev.portal.bridge.telemetry;

/**
 * Text from outside (topics, request fields, decoder messages about them) as it may appear in a log line:
 * control and invisible formatting characters are escaped, so a CR/LF cannot forge a log line and a bidi
 * override cannot disguise one, and the text is cut to a length a line can carry. A backslash is escaped too,
 * so an escaped line cannot be mistaken for one that held the characters literally.
 */
public final class LogSafe {
    /** Characters of input text kept in one log line. */
    static final int MAX_CHARS = 300;

    private LogSafe() {
    }

    public static String text(String input) {
        if (input == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(Math.min(input.length(), MAX_CHARS) + 16);
        int i = 0;
        while (i < input.length() && out.length() < MAX_CHARS) {
            int cp = input.codePointAt(i);
            i += Character.charCount(cp);
            switch (cp) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (unsafe(cp)) {
                        out.append(String.format("\\u%04x", cp));
                    } else {
                        out.appendCodePoint(cp);
                    }
                }
            }
        }
        if (i < input.length()) {
            out.append("...(").append(input.length() - i).append(" more chars)");
        }
        return out.toString();
    }

    /** C0/C1 controls, line and paragraph separators, format characters (bidi overrides), lone surrogates. */
    private static boolean unsafe(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE;
    }
}
