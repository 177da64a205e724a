package dev.portal.device.firmware;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * An installed update that has not yet proved itself: the device switched to {@code slot} and must mark it
 * healthy within the deadline, else it goes back to {@code previousSlot}. Two separate counts, so that neither
 * start is counted twice: {@code launches} are the launcher's ({@link BootGuard#chooseSlot}, written before it
 * names the jar, so a jar that dies before its service starts is still counted), {@code boots} are the
 * service's own starts ({@link BootGuard#onStart}, which also works where no launcher runs: tests, simulation).
 * Either count at 1 without the healthy mark means that attempt died. {@code securityVersion} is the new
 * version's, which becomes the portal's {@link SecurityFloor} when it is committed.
 */
public record PendingUpdate(String slot, String previousSlot, String version, String previousVersion,
                            long securityVersion, long correlationId, int launches, int boots) {
    static final String FILE = "pending";

    /** Just installed: not yet launched or started. */
    static PendingUpdate installed(String slot, String previousSlot, String version, String previousVersion,
                                   long securityVersion, long correlationId) {
        return new PendingUpdate(slot, previousSlot, version, previousVersion, securityVersion, correlationId, 0, 0);
    }

    public PendingUpdate withBoots(int n) {
        return new PendingUpdate(slot, previousSlot, version, previousVersion, securityVersion, correlationId, launches, n);
    }

    public PendingUpdate withLaunches(int n) {
        return new PendingUpdate(slot, previousSlot, version, previousVersion, securityVersion, correlationId, n, boots);
    }

    static Optional<PendingUpdate> load(SlotStore slots) throws IOException {
        Path p = slots.root().resolve(FILE);
        if (!Files.exists(p)) {
            return Optional.empty();
        }
        Properties props = new Properties();
        try (Reader r = Files.newBufferedReader(p)) {
            props.load(r);
        }
        try {
            return Optional.of(new PendingUpdate(props.getProperty("slot"), props.getProperty("previous-slot"),
                    props.getProperty("version"), props.getProperty("previous-version"),
                    Long.parseLong(props.getProperty("security-version", "0")),
                    Long.parseLong(props.getProperty("correlation-id")),
                    // written by firmware from before the launcher counted: no launch recorded yet
                    Integer.parseInt(props.getProperty("launches", "0")), Integer.parseInt(props.getProperty("boots"))));
        } catch (RuntimeException e) {
            throw new IOException("damaged pending-update file " + p + ": " + e.getMessage(), e);
        }
    }

    void save(SlotStore slots) throws IOException {
        Properties props = new Properties();
        props.setProperty("slot", slot);
        props.setProperty("previous-slot", previousSlot);
        props.setProperty("version", version);
        props.setProperty("previous-version", previousVersion);
        props.setProperty("security-version", Long.toString(securityVersion));
        props.setProperty("correlation-id", Long.toString(correlationId));
        props.setProperty("launches", Integer.toString(launches));
        props.setProperty("boots", Integer.toString(boots));
        StringWriter w = new StringWriter();
        props.store(w, "firmware update awaiting its health check");
        slots.writeAtomically(slots.root().resolve(FILE), w.toString());
    }

    static void clear(SlotStore slots) throws IOException {
        Files.deleteIfExists(slots.root().resolve(FILE));
    }
}
