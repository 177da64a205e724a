package dev.portal.system.portal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;

/**
 * The physical world of one portal: which toy (UID in hex) lies on which pad. The player owns it and writes it
 * atomically (temporary file, then rename) after every action; the simulated portal follows the file, and
 * reloads it after a kill -9, so a crash of the portal is not a removal of its toys. One line per toy:
 * {@code UIDHEX PAD}.
 */
public record World(Map<String, Integer> toys) {

    public World {
        toys = Map.copyOf(toys);
    }

    public static World empty() {
        return new World(Map.of());
    }

    public World with(String uid, int pad) {
        Map<String, Integer> next = new TreeMap<>(toys);
        next.put(uid, pad);
        return new World(next);
    }

    public World without(String uid) {
        Map<String, Integer> next = new TreeMap<>(toys);
        next.remove(uid);
        return new World(next);
    }

    public void write(Path file) throws IOException {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(toys).forEach((uid, pad) -> text.append(uid).append(' ').append(pad).append('\n'));
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.US_ASCII);
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the world file needs a file system with atomic rename: " + file, e);
        }
    }

    /** The world in the file; an empty world when the file does not exist yet. */
    public static World read(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            return empty();
        }
        Map<String, Integer> toys = new TreeMap<>();
        for (String line : text.split("\n")) {
            String[] w = line.strip().split(" ");
            if (w.length == 2) {
                toys.put(w[0], Integer.parseInt(w[1]));
            } else if (!line.isBlank()) {
                throw new IOException("bad line in " + file + ": '" + line + "'");
            }
        }
        return new World(toys);
    }
}
