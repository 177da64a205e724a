package dev.portal.device.firmware;

import dev.portal.device.firmware.FirmwareException.Reason;
import dev.portal.protocol.frame.CommandResult;
import dev.portal.protocol.frame.FirmwareChunk;
import dev.portal.protocol.frame.Status;
import java.io.IOException;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The device's side of a firmware update, one FirmwareChunk command at a time. Chunk 0 carries the signed
 * manifest: it is checked at once (signature, version, size), so a bad update is refused before its image is
 * sent, and re-sending it is how a sender learns where to resume. Chunks 1.. carry the image. With the last
 * one the staged manifest is read back and checked again, the image verified against it, installed to the
 * inactive slot, the pointer switched and the service restarted;
 * the {@link BootGuard} then commits or rolls back and reports that as a second result for the same
 * correlation id.
 *
 * <p>Every result detail contains {@link ChunkProgress#detail()} when a job is staged; refusals start with
 * the reason (e.g. {@code bad-signature: ...}).
 */
public final class FirmwareUpdater {
    /** The answer to one chunk, and whether the service must restart once it has been sent. */
    public record Reply(CommandResult result, boolean restartAfterSending) {
    }

    private static final Logger log = LoggerFactory.getLogger(FirmwareUpdater.class);
    private final FirmwareSettings settings;
    private final SlotStore slots;
    private final FirmwareReceiver receiver;
    private final ImageVerifier verifier;
    private final BootGuard guard;
    private final RestartHook restart;

    public FirmwareUpdater(FirmwareSettings settings, SlotStore slots, FirmwareReceiver receiver, BootGuard guard,
                           RestartHook restart) {
        this.settings = settings;
        this.slots = slots;
        this.receiver = receiver;
        this.verifier = new ImageVerifier(settings, new SecurityFloor(slots));
        this.guard = guard;
        this.restart = restart;
    }

    /** The version running now: the current slot's, or the factory jar's. */
    public String runningVersion() throws IOException {
        return slots.version(slots.current()).orElse(settings.factoryVersion());
    }

    public synchronized Reply handle(long correlationId, FirmwareChunk chunk) {
        try {
            if (guard.onProbation()) {
                throw new FirmwareException(Reason.BUSY, "an update is still waiting for its health check");
            }
            return chunk.index() == 0 ? manifest(correlationId, chunk) : image(correlationId, chunk);
        } catch (FirmwareException e) {
            log.warn("firmware chunk {}/{} of job {} refused: {}", chunk.index(), chunk.total(), chunk.jobId(), e.report());
            Status status = switch (e.reason()) {
                case IO -> Status.FAILED;
                case BUSY -> Status.BUSY;
                default -> Status.REJECTED;
            };
            return reply(correlationId, status, e.report());
        } catch (IOException e) {
            log.error("firmware update failed", e);
            return reply(correlationId, Status.FAILED, "io: " + e.getMessage());
        }
    }

    /** Sends the restart when a reply asked for it; call after the reply left the device. */
    public void afterSent(Reply reply) {
        if (reply.restartAfterSending()) {
            restart.restart("firmware update installed");
        }
    }

    private Reply manifest(long correlationId, FirmwareChunk chunk) throws FirmwareException, IOException {
        FirmwareManifest m = FirmwareManifest.decode(chunk.data());
        if (!Arrays.equals(m.sha256(), chunk.imageSha256()) || m.jobId() != chunk.jobId() || m.totalChunks() != chunk.total()) {
            throw new FirmwareException(Reason.BAD_MANIFEST, "chunk header (job, total, hash) does not match the manifest");
        }
        verifier.checkManifest(m, FirmwareVersion.parse(runningVersion()));
        ChunkProgress progress = receiver.begin(m);
        if (progress.complete()) {
            return finish(correlationId, m, progress);
        }
        return reply(correlationId, Status.OK, "manifest " + m.version() + " accepted; " + progress.detail());
    }

    private Reply image(long correlationId, FirmwareChunk chunk) throws FirmwareException, IOException {
        ChunkProgress progress = receiver.accept(chunk.jobId(), chunk.index(), chunk.total(), chunk.imageSha256(), chunk.data());
        if (!progress.complete()) {
            return reply(correlationId, Status.OK, progress.detail());
        }
        return finish(correlationId, receiver.manifest().orElseThrow(), progress);
    }

    private Reply finish(long correlationId, FirmwareManifest accepted, ChunkProgress progress)
            throws FirmwareException, IOException {
        FirmwareManifest m;
        try {
            m = recheckStaged(accepted);
            verifier.checkImage(m, receiver.imageFile());
        } catch (FirmwareException e) {
            receiver.discard();
            throw e;
        }
        String previous = slots.current();
        String previousVersion = runningVersion();
        String target = slots.inactive();
        slots.install(target, receiver.imageFile(), m.version());
        // The pending record goes down before the switch: a power cut in between is then seen as an interrupted
        // update, never as an unguarded new version.
        PendingUpdate.installed(target, previous, m.version(), previousVersion, m.securityVersion(), correlationId)
                .save(slots);
        slots.switchTo(target);
        receiver.discard();
        log.info("firmware {} verified and installed to slot {}; restarting into it", m.version(), target);
        return new Reply(new CommandResult(correlationId, Status.OK, "installed " + m.version() + " to slot " + target
                + "; restarting; " + progress.detail()), true);
    }

    /**
     * Right before install the staged manifest is read back and checked in full again (signature against the
     * configured key, version, size): the staging files sat on the SD card between chunks, and after a restart
     * the job is known only from them, so a manifest swapped there must not reach a slot.
     */
    private FirmwareManifest recheckStaged(FirmwareManifest accepted) throws FirmwareException, IOException {
        FirmwareManifest staged = receiver.stagedManifest();
        verifier.checkManifest(staged, FirmwareVersion.parse(runningVersion()));
        if (!staged.equals(accepted)) {
            throw new FirmwareException(Reason.BAD_MANIFEST, "the staged manifest of " + staged.version()
                    + " differs from the one accepted with chunk 0; send the update again");
        }
        return staged;
    }

    private static Reply reply(long correlationId, Status status, String detail) {
        return new Reply(new CommandResult(correlationId, status, detail), false);
    }
}
