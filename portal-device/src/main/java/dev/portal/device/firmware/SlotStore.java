package dev.portal.device.firmware;

import dev.portal.device.disk.Disk;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The two firmware slots under the device's data directory and the pointer that says which one runs:
 * <pre>
 *   firmware/slots/a/portal-device.jar, VERSION, HEALTHY     firmware/slots/b/...
 *   firmware/current        "a" or "b"; absent: the factory-installed jar runs
 * </pre>
 * The pointer is replaced by an atomic rename ({@link Disk#replace}), so after a power cut it names either the old
 * or the new slot, never half of one. The launcher (scripts/portal-device) reads it to choose the jar.
 */
public final class SlotStore {
    public static final String JAR = "portal-device.jar";
    public static final String FACTORY = "factory";
    private final Path root;
    private final Disk disk;

    public SlotStore(Path firmwareDir) throws IOException {
        this(firmwareDir, Disk.REAL);
    }

    public SlotStore(Path firmwareDir, Disk disk) throws IOException {
        this.disk = disk;
        this.root = Files.createDirectories(firmwareDir);
        Files.createDirectories(root.resolve("slots/a"));
        Files.createDirectories(root.resolve("slots/b"));
    }

    public Path root() {
        return root;
    }

    /** The slot that runs: "a", "b" or {@link #FACTORY}. */
    public String current() throws IOException {
        Path p = root.resolve("current");
        if (!Files.exists(p)) {
            return FACTORY;
        }
        String s = Files.readString(p, StandardCharsets.US_ASCII).strip();
        return s.equals("a") || s.equals("b") ? s : FACTORY;
    }

    /** The slot an update goes to: never the running one. */
    public String inactive() throws IOException {
        return current().equals("a") ? "b" : "a";
    }

    public Path slotDir(String slot) {
        return root.resolve("slots").resolve(slot);
    }

    public Optional<Path> jar(String slot) {
        if (slot.equals(FACTORY)) {
            return Optional.empty();
        }
        Path jar = slotDir(slot).resolve(JAR);
        return Files.isRegularFile(jar) ? Optional.of(jar) : Optional.empty();
    }

    public Optional<String> version(String slot) throws IOException {
        Path v = slotDir(slot).resolve("VERSION");
        return slot.equals(FACTORY) || !Files.exists(v) ? Optional.empty()
                : Optional.of(Files.readString(v, StandardCharsets.UTF_8).strip());
    }

    /** Copies a verified image into a slot, replacing what the slot held; the slot is not yet switched to. */
    public void install(String slot, Path image, String version) throws IOException {
        Path dir = slotDir(slot);
        try (Stream<Path> old = Files.list(dir)) {
            for (Path p : (Iterable<Path>) old::iterator) {
                Files.deleteIfExists(p);
            }
        }
        Path tmp = dir.resolve(JAR + ".tmp");
        Files.copy(image, tmp, StandardCopyOption.REPLACE_EXISTING);
        force(tmp);
        disk.move(tmp, dir.resolve(JAR));
        writeAtomically(dir.resolve("VERSION"), version); // its directory sync makes the jar's rename durable too
    }

    /** Makes a slot (or the factory jar) the one the launcher runs next. */
    public void switchTo(String slot) throws IOException {
        if (slot.equals(FACTORY)) {
            Files.deleteIfExists(root.resolve("current"));
            disk.syncDirectory(root);
        } else {
            writeAtomically(root.resolve("current"), slot);
        }
    }

    public void markHealthy(String slot) throws IOException {
        if (!slot.equals(FACTORY)) {
            writeAtomically(slotDir(slot).resolve("HEALTHY"), java.time.Instant.now().toString());
        }
    }

    public boolean isHealthy(String slot) {
        return slot.equals(FACTORY) || Files.exists(slotDir(slot).resolve("HEALTHY"));
    }

    void writeAtomically(Path target, String text) throws IOException {
        disk.replace(target, (text + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private void force(Path file) throws IOException {
        try (var ch = disk.open(file, Set.of(StandardOpenOption.WRITE))) {
            ch.force(true);
        }
    }
}
