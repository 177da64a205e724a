package dev.portal.device.firmware;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * How an update ended: committed, or rolled back with the reason. It is kept on disk until the device has sent
 * it (as a second CommandResult for the correlation id of the update's last chunk), because the device
 * restarts between install and outcome and the technician's tool is waiting for it.
 */
public record UpdateOutcome(long correlationId, boolean committed, String version, String detail) {
    static final String FILE = "outcome";

    static Optional<UpdateOutcome> load(SlotStore slots) throws IOException {
        Path p = slots.root().resolve(FILE);
        if (!Files.exists(p)) {
            return Optional.empty();
        }
        Properties props = new Properties();
        try (Reader r = Files.newBufferedReader(p)) {
            props.load(r);
        }
        try {
            return Optional.of(new UpdateOutcome(Long.parseLong(props.getProperty("correlation-id")),
                    Boolean.parseBoolean(props.getProperty("committed")), props.getProperty("version"),
                    props.getProperty("detail")));
        } catch (RuntimeException e) {
            Files.deleteIfExists(p);
            return Optional.empty();
        }
    }

    void save(SlotStore slots) throws IOException {
        Properties props = new Properties();
        props.setProperty("correlation-id", Long.toString(correlationId));
        props.setProperty("committed", Boolean.toString(committed));
        props.setProperty("version", version);
        props.setProperty("detail", detail);
        StringWriter w = new StringWriter();
        props.store(w, "firmware update outcome, not yet reported");
        slots.writeAtomically(slots.root().resolve(FILE), w.toString());
    }

    static void clear(SlotStore slots) throws IOException {
        Files.deleteIfExists(slots.root().resolve(FILE));
    }
}
