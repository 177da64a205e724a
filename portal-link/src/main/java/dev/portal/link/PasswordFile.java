package dev.portal.link;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a password from a file. Passwords never travel on a command line, where any user's {@code ps} shows
 * them: a program takes a file (mode 600, like the one scripts/mosquitto/add-device writes) or an environment
 * variable. One trailing line break is dropped; an empty file is an error, not an empty password.
 */
public final class PasswordFile {
    private PasswordFile() {
    }

    public static char[] read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (text.endsWith("\n")) {
            text = text.substring(0, text.length() - (text.endsWith("\r\n") ? 2 : 1));
        }
        if (text.isEmpty()) {
            throw new IOException("the password file " + file + " is empty");
        }
        return text.toCharArray();
    }
}
