package dev.portal.device.store;

import dev.portal.device.disk.Disk;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.portal.protocol.frame.CommandResult;
import dev.portal.protocol.frame.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The results of recent commands ({@code results.json} in the state directory), so a command repeated after a
 * restart (a Reboot, say) is answered with its result, not run again.
 */
public final class CommandResultStore {
    private static final Logger LOG = LoggerFactory.getLogger(CommandResultStore.class);

    private final JsonFile file;

    public CommandResultStore(Path dir) throws IOException {
        this(dir, Disk.REAL);
    }

    public CommandResultStore(Path dir, Disk disk) throws IOException {
        this.file = new JsonFile(Files.createDirectories(dir).resolve("results.json"), disk);
    }

    /** The remembered results, oldest first. */
    public List<CommandResult> load() {
        List<CommandResult> out = new ArrayList<>();
        file.read().ifPresent(n -> n.forEach(r -> {
            Status status = Status.fromCode(r.path("status").asInt(-1));
            if (status != null) {
                try {
                    out.add(new CommandResult(r.path("id").asLong(), status, r.path("detail").asText("")));
                } catch (IllegalArgumentException e) {
                    LOG.warn("{}: ignoring {}: {}", file.name(), r, e.getMessage());
                }
            }
        }));
        return out;
    }

    public void save(List<CommandResult> results) throws IOException {
        ArrayNode arr = JsonFile.JSON.createArrayNode();
        for (CommandResult r : results) {
            arr.addObject().put("id", r.correlationId()).put("status", r.status().code()).put("detail", r.detail());
        }
        file.write(arr);
    }
}
