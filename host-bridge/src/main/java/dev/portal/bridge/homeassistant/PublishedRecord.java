package dev.portal.bridge.homeassistant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portal.link.DeviceId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Which portals' discovery configs the bridge left retained, and under which prefix: a file in the data
 * directory ({@code homeassistant.json}), written before each new portal's configs go out, so a later run
 * without {@code --homeassistant} (or with another prefix) can take back every one of them and nothing else.
 * The file is read as untrusted input: too large, not JSON, a bad prefix or a bad device id, and what it holds
 * is ignored (and logged), never acted on.
 *
 * @param prefix  the prefix the configs went out under
 * @param devices the portals that have configs there
 */
record PublishedRecord(DiscoveryPrefix prefix, Set<DeviceId> devices) {
    static final String FILE = "homeassistant.json";
    private static final Logger LOG = LoggerFactory.getLogger(PublishedRecord.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final long MAX_BYTES = 4 << 20;

    PublishedRecord {
        devices = Set.copyOf(devices);
    }

    /** What an earlier run recorded in {@code dataDir}, if anything usable. */
    static Optional<PublishedRecord> load(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new IOException("larger than " + MAX_BYTES + " bytes");
            }
            JsonNode root = MAPPER.readTree(file.toFile());
            JsonNode listed = root.path("devices");
            if (!root.path("prefix").isTextual() || !listed.isArray()) {
                throw new IOException("not {\"prefix\":TEXT,\"devices\":[TEXT...]}");
            }
            DiscoveryPrefix prefix = DiscoveryPrefix.of(root.path("prefix").textValue());
            Set<DeviceId> devices = new LinkedHashSet<>();
            for (JsonNode id : listed) {
                if (!id.isTextual()) {
                    throw new IOException("a device id that is not text: " + id);
                }
                devices.add(DeviceId.of(id.textValue()));
            }
            return Optional.of(new PublishedRecord(prefix, devices));
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("ignoring {}: {} (remove the Home Assistant configs it meant by hand, if any)", file, e.toString());
            return Optional.empty();
        }
    }

    PublishedRecord with(DeviceId device) {
        Set<DeviceId> more = new LinkedHashSet<>(devices);
        more.add(device);
        return new PublishedRecord(prefix, more);
    }

    /** Writes the record to {@code dataDir}, whole or not at all (a new file moved over the old one). */
    void save(Path dataDir) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("prefix", prefix.value());
        var listed = root.putArray("devices");
        devices.stream().map(DeviceId::value).sorted().forEach(listed::add);
        Path temporary = dataDir.resolve(FILE + ".new");
        Files.write(temporary, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
        Files.move(temporary, dataDir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    static void delete(Path dataDir) throws IOException {
        Files.deleteIfExists(dataDir.resolve(FILE));
    }
}
