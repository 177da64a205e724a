package dev.portal.device.store;

import dev.portal.device.disk.Disk;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portal.device.config.RuntimeSettings;
import dev.portal.protocol.frame.PadCalibration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The settings the host changed at run time, kept across restarts in the state directory: the runtime settings
 * of the last ConfigSet with their version ({@code runtime.json}) and each pad's calibration
 * ({@code calibration.json}).
 */
public final class SettingsStore {
    private static final Logger LOG = LoggerFactory.getLogger(SettingsStore.class);

    private final JsonFile runtime;
    private final JsonFile calibration;

    public SettingsStore(Path dir) throws IOException {
        this(dir, Disk.REAL);
    }

    public SettingsStore(Path dir, Disk disk) throws IOException {
        Path d = Files.createDirectories(dir);
        this.runtime = new JsonFile(d.resolve("runtime.json"), disk);
        this.calibration = new JsonFile(d.resolve("calibration.json"), disk);
    }

    public Optional<RuntimeSettings> loadRuntime() {
        return runtime.read().map(n -> new RuntimeSettings(n.path("version").asLong(),
                n.path("pollHz").asInt(), n.path("heartbeatSeconds").asInt(), n.path("removalMissThreshold").asInt(),
                n.path("antennaGainDb").asInt())).filter(r -> r.problems().isEmpty());
    }

    public void saveRuntime(RuntimeSettings r) throws IOException {
        ObjectNode n = JsonFile.JSON.createObjectNode();
        n.put("version", r.version()).put("pollHz", r.pollHz()).put("heartbeatSeconds", r.heartbeatSeconds())
                .put("removalMissThreshold", r.removalMissThreshold()).put("antennaGainDb", r.antennaGainDb());
        runtime.write(n);
    }

    public List<PadCalibration> loadCalibration() {
        List<PadCalibration> out = new ArrayList<>();
        calibration.read().ifPresent(n -> n.forEach(p -> {
            try {
                out.add(new PadCalibration(p.path("pad").asInt(), p.path("antennaGainDb").asInt(),
                        p.path("removalMissThreshold").asInt()));
            } catch (IllegalArgumentException e) {
                LOG.warn("{}: ignoring {}: {}", calibration.name(), p, e.getMessage());
            }
        }));
        return out;
    }

    public void saveCalibration(List<PadCalibration> pads) throws IOException {
        ArrayNode arr = JsonFile.JSON.createArrayNode();
        for (PadCalibration p : pads) {
            arr.addObject().put("pad", p.pad()).put("antennaGainDb", p.antennaGainDb())
                    .put("removalMissThreshold", p.removalMissThreshold());
        }
        calibration.write(arr);
    }
}
