package dev.portal.portalctl.firmware;

import dev.portal.device.firmware.ChunkProgress;
import dev.portal.portalctl.cli.PortalctlException;
import dev.portal.portalctl.firmware.PushResult.Outcome;
import dev.portal.portalctl.link.DeviceSession;
import dev.portal.portalctl.link.FrameStream;
import dev.portal.protocol.frame.Birth;
import dev.portal.protocol.frame.CommandResult;
import dev.portal.protocol.frame.Frame;
import dev.portal.protocol.frame.Status;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * Pushes one image to one portal. Chunk 0 (the signed manifest) opens or resumes the job: the device answers
 * with the chunks it holds, and the pusher sends the rest with a window of commands in flight. When answers
 * stop (the portal or the broker went away), it waits, re-sends chunk 0 and continues from where the device
 * says it is. After the last chunk the device installs, restarts, health-checks and reports the outcome as a
 * second result for the last chunk's command.
 */
public final class FirmwarePusher {
    /** Knobs of one push. */
    public record Settings(int window, int retries, Duration retryPause, Duration healthTimeout) {
    }

    private final FirmwareImage image;
    private final Settings settings;

    public FirmwarePusher(FirmwareImage image, Settings settings) {
        this.image = image;
        this.settings = settings;
    }

    /** @param progress told the number of chunks the device holds, as it grows */
    public PushResult push(DeviceSession session, LongConsumer progress) throws InterruptedException {
        String id = session.deviceId();
        try (FrameStream stream = session.stream()) {
            String lastTrouble = "";
            for (int attempt = 0; attempt <= settings.retries; attempt++) {
                if (attempt > 0) {
                    Thread.sleep(settings.retryPause.toMillis());
                }
                Optional<CommandResult> installed;
                try {
                    installed = transfer(session, stream, progress);
                } catch (Refusal r) {
                    return new PushResult(id, r.outcome, r.getMessage());
                } catch (PortalctlException timeout) {
                    lastTrouble = timeout.getMessage();
                    continue; // resume: chunk 0 again, then from the device's next missing chunk
                }
                if (installed.isPresent()) {
                    return awaitOutcome(session, stream, installed.get());
                }
            }
            return new PushResult(id, Outcome.UNREACHABLE, lastTrouble + " (gave up after " + settings.retries + " resumes)");
        }
    }

    private Optional<CommandResult> transfer(DeviceSession session, FrameStream stream, LongConsumer progress)
            throws InterruptedException {
        CommandResult opened = session.awaitResult(stream, session.send(image.chunk(0)), session.timeout());
        check(opened, 0);
        if (opened.detail().startsWith("installed")) {
            return Optional.of(opened);
        }
        ChunkProgress at = ChunkProgress.find(opened.detail()).orElseThrow(() ->
                new Refusal(Outcome.FAILED, "device answered chunk 0 without progress: " + opened.detail()));
        progress.accept(at.have());
        Map<Long, Long> inFlight = new HashMap<>(); // correlation id -> chunk index
        long next = at.next();
        long total = image.totalChunks();
        while (next < total || !inFlight.isEmpty()) {
            while (next < total && inFlight.size() < settings.window) {
                inFlight.put(session.send(image.chunk(next)), next);
                next++;
            }
            CommandResult r = stream.await(CommandResult.class, c -> inFlight.containsKey(c.correlationId()),
                    session.timeout()).orElseThrow(() -> PortalctlException.unreachable(
                    session.deviceId() + " stopped answering firmware chunks"));
            long index = inFlight.remove(r.correlationId());
            check(r, index);
            if (r.detail().startsWith("installed")) {
                progress.accept(total);
                return Optional.of(r);
            }
            ChunkProgress.find(r.detail()).ifPresent(p -> progress.accept(p.have()));
        }
        throw PortalctlException.unreachable(session.deviceId() + " holds every chunk but did not install");
    }

    private static void check(CommandResult r, long index) {
        if (r.status() == Status.OK) {
            return;
        }
        if (r.detail().startsWith("unknown-job")) {
            // the device lost its staging (e.g. a new job elsewhere): resume re-sends the manifest
            throw PortalctlException.unreachable("device dropped the job at chunk " + index);
        }
        Outcome o = r.status() == Status.REJECTED || r.status() == Status.UNKNOWN_COMMAND ? Outcome.REFUSED : Outcome.FAILED;
        throw new Refusal(o, r.status() + " at chunk " + index + ": " + r.detail());
    }

    private PushResult awaitOutcome(DeviceSession session, FrameStream stream, CommandResult installed)
            throws InterruptedException {
        long deadline = System.nanoTime() + settings.healthTimeout.toNanos();
        String cameBack = "";
        while (System.nanoTime() < deadline) {
            Optional<Frame> f = stream.next(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            if (f.isEmpty()) {
                break;
            }
            if (f.get().message() instanceof Birth b) {
                cameBack = "; came back with " + b.firmwareVersion();
            } else if (f.get().message() instanceof CommandResult r && r.correlationId() == installed.correlationId()
                    && !r.detail().startsWith("installed")) {
                if (r.status() == Status.OK) {
                    return new PushResult(session.deviceId(), Outcome.COMMITTED, r.detail());
                }
                return new PushResult(session.deviceId(), r.detail().startsWith("rolled back") ? Outcome.ROLLED_BACK
                        : Outcome.FAILED, r.detail());
            }
        }
        return new PushResult(session.deviceId(), Outcome.UNREACHABLE, "installed " + image.manifest().version()
                + " but no health report within " + DeviceSession.human(settings.healthTimeout) + cameBack);
    }

    /** The device said no: not worth a resume. */
    private static final class Refusal extends RuntimeException {
        final Outcome outcome;

        Refusal(Outcome outcome, String message) {
            super(message);
            this.outcome = outcome;
        }
    }
}
