package dev.portal.device.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * One JSON file that must survive a crash whole: written to a temporary file, forced, then renamed, so a crash
 * leaves either the old or the new file, never half of one. An unreadable file reads as absent (defaults apply).
 */
final class JsonFile {
    private static final Logger LOG = LoggerFactory.getLogger(JsonFile.class);
    static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    JsonFile(Path file) {
        this.file = file;
    }

    Optional<JsonNode> read() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readTree(file.toFile()));
        } catch (IOException e) {
            LOG.warn("{}: unreadable, using defaults: {}", file, e.toString());
            return Optional.empty();
        }
    }

    void write(JsonNode node) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(node));
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The file's name, for log lines about its content. */
    String name() {
        return file.getFileName().toString();
    }
}
