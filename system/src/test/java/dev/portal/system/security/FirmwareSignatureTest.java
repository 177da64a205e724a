package dev.portal.system.security;

import dev.portal.device.firmware.BootGuard;
import dev.portal.device.firmware.Ed25519Keys;
import dev.portal.device.firmware.FirmwareReceiver;
import dev.portal.device.firmware.FirmwareSettings;
import dev.portal.device.firmware.FirmwareUpdater;
import dev.portal.device.firmware.SlotStore;
import dev.portal.device.firmware.WallClock;
import dev.portal.link.DeviceId;
import dev.portal.portalctl.firmware.FirmwareImage;
import dev.portal.protocol.frame.FirmwareChunk;
import dev.portal.protocol.frame.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Firmware as the technician's tool cuts it (portalctl's FirmwareImage) against the device's update path
 * (FirmwareUpdater): only an image signed with the fleet's key is installed; one signed with another key,
 * an unsigned one and a signed one whose bytes were changed on the way are refused and change nothing.
 */
class FirmwareSignatureTest {
    private final KeyPair fleet = Ed25519Keys.generate();
    private final KeyPair rogue = Ed25519Keys.generate();
    private final List<String> restarts = new ArrayList<>();
    private ScheduledExecutorService timer;
    private SlotStore slots;
    private FirmwareUpdater updater;
    private Path jar;

    @BeforeEach
    void device(@TempDir Path dir) throws Exception {
        timer = Executors.newSingleThreadScheduledExecutor();
        FirmwareSettings settings = new FirmwareSettings(dir.resolve("firmware"), Optional.of(fleet.getPublic()),
                8 << 20, Duration.ofSeconds(60), "1.0.0", DeviceId.of("portal-1"), WallClock.HOST);
        slots = new SlotStore(settings.firmwareDir());
        BootGuard.chooseSlot(slots);
        BootGuard guard = new BootGuard(slots, settings.healthDeadline(), restarts::add, timer, outcome -> { });
        updater = new FirmwareUpdater(settings, slots, new FirmwareReceiver(settings.firmwareDir().resolve("staging")),
                guard, restarts::add);
        jar = dir.resolve("portal-device-2.0.0.jar");
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        mf.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, "2.0.0");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, mf)) {
            j.putNextEntry(new java.util.jar.JarEntry("payload.bin"));
            byte[] payload = new byte[5000];
            new java.util.Random(3).nextBytes(payload);
            j.write(payload);
        }
    }

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    @Test
    void imageSignedWithAnotherKeyIsRefused() throws Exception {
        String before = slots.current();
        FirmwareUpdater.Reply reply = push(FirmwareImage.load(jar, "2.0.0", rogue.getPrivate(), 1024, 0, Optional.empty()), false);
        assertEquals(Status.REJECTED, reply.result().status(), reply.result().detail());
        assertTrue(reply.result().detail().startsWith("bad-signature"), reply.result().detail());
        assertEquals(before, slots.current(), "nothing installed");
        assertTrue(restarts.isEmpty());
    }

    @Test
    void unsignedImageIsRefused() throws Exception {
        FirmwareUpdater.Reply reply = push(FirmwareImage.load(jar, "2.0.0", null, 1024, 0, Optional.empty()), false);
        assertEquals(Status.REJECTED, reply.result().status(), reply.result().detail());
        assertTrue(reply.result().detail().startsWith("unsigned"), reply.result().detail());
        assertTrue(restarts.isEmpty());
    }

    @Test
    void signedImageChangedOnTheWayIsRefused() throws Exception {
        String before = slots.current();
        FirmwareUpdater.Reply reply = push(FirmwareImage.load(jar, "2.0.0", fleet.getPrivate(), 1024, 0, Optional.empty()), true);
        assertEquals(Status.REJECTED, reply.result().status(), reply.result().detail());
        assertTrue(reply.result().detail().startsWith("hash-mismatch"), reply.result().detail());
        assertEquals(before, slots.current());
        assertTrue(restarts.isEmpty());
    }

    @Test
    void imageSignedWithTheFleetKeyIsInstalled() throws Exception {
        String before = slots.current();
        FirmwareUpdater.Reply reply = push(FirmwareImage.load(jar, "2.0.0", fleet.getPrivate(), 1024, 0, Optional.empty()), false);
        assertEquals(Status.OK, reply.result().status(), reply.result().detail());
        assertTrue(reply.restartAfterSending());
        assertTrue(!before.equals(slots.current()), "switched to the other slot");
        assertEquals(Optional.of("2.0.0"), slots.version(slots.current()));
    }

    /** Sends every chunk (optionally with one image byte flipped) until the device refuses one. */
    private FirmwareUpdater.Reply push(FirmwareImage image, boolean corrupt) {
        FirmwareUpdater.Reply reply = null;
        for (long i = 0; i < image.totalChunks(); i++) {
            FirmwareChunk chunk = image.chunk(i);
            if (corrupt && i == image.totalChunks() - 1) {
                byte[] data = chunk.data().clone();
                data[data.length / 2] ^= 0x40;
                chunk = new FirmwareChunk(chunk.jobId(), chunk.index(), chunk.total(), chunk.imageSha256(), data);
            }
            reply = updater.handle(100 + i, chunk);
            if (reply.result().status() != Status.OK) {
                return reply;
            }
        }
        return reply;
    }
}
