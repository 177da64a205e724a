package dev.portal.system.portal;

import dev.portal.hardware.sim.rf.VirtualPortal;
import dev.portal.hardware.sim.tag.Ntag21x;
import dev.portal.hardware.sim.tag.NtagType;
import dev.portal.hardware.sim.tag.VirtualTag;
import dev.portal.hardware.reader.Uid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Keeps a virtual portal's pads equal to the world file: toys that left the file are taken off, new ones are
 * put on their pad, moved ones are moved. Each toy is one NTAG213 that keeps its memory for the whole run.
 */
public final class WorldFollower implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(WorldFollower.class);

    private final Path file;
    private final VirtualPortal portal;
    private final Map<String, VirtualTag> tags = new HashMap<>();
    private World current = World.empty();

    public WorldFollower(Path file, VirtualPortal portal) {
        this.file = file;
        this.portal = portal;
    }

    /** Applies the file if it differs from what the pads hold. */
    @Override
    public void run() {
        try {
            if (!Files.exists(file)) {
                return;
            }
            World next = World.read(file); // a few hundred bytes: cheaper than trusting modification times
            if (!next.equals(current)) {
                apply(next);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("world file {} not applied this time: {}", file, e.toString());
        }
    }

    /** Makes the pads hold exactly {@code next}. */
    public synchronized void apply(World next) {
        for (var e : current.toys().entrySet()) {
            if (!next.toys().containsKey(e.getKey())) {
                portal.remove(tag(e.getKey()));
            }
        }
        for (var e : next.toys().entrySet()) {
            if (!Objects.equals(current.toys().get(e.getKey()), e.getValue())) {
                portal.place(tag(e.getKey()), e.getValue());
            }
        }
        current = next;
    }

    private VirtualTag tag(String uidHex) {
        return tags.computeIfAbsent(uidHex, hex -> {
            Uid uid = Uid.parse(hex);
            return new Ntag21x(NtagType.NTAG213, uid, Ntag21x.factoryPages(NtagType.NTAG213, uid));
        });
    }
}
