package dev.portal.device.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portal.device.config.RuntimeSettings;
import dev.portal.protocol.frame.CommandResult;
import dev.portal.protocol.frame.PadCalibration;
import dev.portal.protocol.frame.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What must survive a restart: the runtime settings (the "reported" config with its version), each pad's
 * calibration and the results of recent commands. Written to a temporary file, forced, then renamed, so a crash
 * leaves either the old or the new file, never half of one.
 */
public final class StateStore {
    private static final Logger LOG = LoggerFactory.getLogger(StateStore.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;

    public StateStore(Path dir) throws IOException {
        this.dir = Files.createDirectories(dir);
    }

    public Optional<RuntimeSettings> loadRuntime() {
        return read("runtime.json").map(n -> new RuntimeSettings(n.path("version").asLong(),
                n.path("pollHz").asInt(), n.path("heartbeatSeconds").asInt(), n.path("removalMissThreshold").asInt(),
                n.path("antennaGainDb").asInt())).filter(r -> r.problems().isEmpty());
    }

    public void saveRuntime(RuntimeSettings r) throws IOException {
        ObjectNode n = JSON.createObjectNode();
        n.put("version", r.version()).put("pollHz", r.pollHz()).put("heartbeatSeconds", r.heartbeatSeconds())
                .put("removalMissThreshold", r.removalMissThreshold()).put("antennaGainDb", r.antennaGainDb());
        write("runtime.json", n);
    }

    public List<PadCalibration> loadCalibration() {
        List<PadCalibration> out = new ArrayList<>();
        read("calibration.json").ifPresent(n -> n.forEach(p -> {
            try {
                out.add(new PadCalibration(p.path("pad").asInt(), p.path("antennaGainDb").asInt(),
                        p.path("removalMissThreshold").asInt()));
            } catch (IllegalArgumentException e) {
                LOG.warn("calibration.json: ignoring {}: {}", p, e.getMessage());
            }
        }));
        return out;
    }

    public void saveCalibration(List<PadCalibration> pads) throws IOException {
        ArrayNode arr = JSON.createArrayNode();
        for (PadCalibration p : pads) {
            arr.addObject().put("pad", p.pad()).put("antennaGainDb", p.antennaGainDb())
                    .put("removalMissThreshold", p.removalMissThreshold());
        }
        write("calibration.json", arr);
    }

    /** The remembered command results (oldest first), so a command repeated after a restart is not run again. */
    public List<CommandResult> loadResults() {
        List<CommandResult> out = new ArrayList<>();
        read("results.json").ifPresent(n -> n.forEach(r -> {
            Status status = Status.fromCode(r.path("status").asInt(-1));
            if (status != null) {
                try {
                    out.add(new CommandResult(r.path("id").asLong(), status, r.path("detail").asText("")));
                } catch (IllegalArgumentException e) {
                    LOG.warn("results.json: ignoring {}: {}", r, e.getMessage());
                }
            }
        }));
        return out;
    }

    public void saveResults(List<CommandResult> results) throws IOException {
        ArrayNode arr = JSON.createArrayNode();
        for (CommandResult r : results) {
            arr.addObject().put("id", r.correlationId()).put("status", r.status().code()).put("detail", r.detail());
        }
        write("results.json", arr);
    }

    private Optional<JsonNode> read(String name) {
        Path f = dir.resolve(name);
        if (!Files.exists(f)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readTree(f.toFile()));
        } catch (IOException e) {
            LOG.warn("{}: unreadable, using defaults: {}", f, e.toString());
            return Optional.empty();
        }
    }

    private void write(String name, JsonNode node) throws IOException {
        Path tmp = dir.resolve(name + ".tmp");
        Files.write(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(node));
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
