package dev.portal.device.store;

import dev.portal.device.disk.Disk;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One JSON file that must survive a crash whole ({@link Disk#replace}): a crash leaves either the old or the new
 * file, never half of one. An unreadable file reads as absent (defaults apply).
 */
final class JsonFile {
    private static final Logger LOG = LoggerFactory.getLogger(JsonFile.class);
    static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Disk disk;

    JsonFile(Path file, Disk disk) {
        this.file = file;
        this.disk = disk;
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
        disk.replace(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(node));
    }

    /** The file's name, for log lines about its content. */
    String name() {
        return file.getFileName().toString();
    }
}
