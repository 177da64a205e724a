package dev.portal.device.command;

import dev.portal.device.config.ConfigException;
import dev.portal.device.config.RuntimeSettings;
import dev.portal.device.firmware.FirmwareService;
import dev.portal.device.firmware.FirmwareUpdater;
import dev.portal.device.frame.EventSink;
import dev.portal.device.health.HealthStats;
import dev.portal.device.led.PadLights;
import dev.portal.device.presence.PresenceService;
import dev.portal.protocol.frame.AntennaGain;
import dev.portal.protocol.frame.Calibrate;
import dev.portal.protocol.frame.Command;
import dev.portal.protocol.frame.CommandReport;
import dev.portal.protocol.frame.CommandResult;
import dev.portal.protocol.frame.ConfigReport;
import dev.portal.protocol.frame.ConfigSet;
import dev.portal.protocol.frame.FirmwareChunk;
import dev.portal.protocol.frame.Frame;
import dev.portal.protocol.frame.FrameCodec;
import dev.portal.protocol.frame.FrameException;
import dev.portal.protocol.frame.Limits;
import dev.portal.protocol.frame.PresentToken;
import dev.portal.protocol.frame.Rebirth;
import dev.portal.protocol.frame.Reboot;
import dev.portal.protocol.frame.ResendFrames;
import dev.portal.protocol.frame.SetLed;
import dev.portal.protocol.frame.ShowVerdict;
import dev.portal.protocol.frame.Status;
import dev.portal.protocol.frame.UnknownCommand;
import dev.portal.protocol.frame.WriteArea;
import dev.portal.protocol.frame.WriteToy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Executes the host's commands, one at a time on its own thread, and answers each with exactly one
 * CommandResult (through the outbox, like every frame). Idempotent by correlation id: a repeat gets the
 * remembered result and nothing runs again. Garbage and oversized input is counted and, when a correlation id
 * can be recovered, answered REJECTED; nothing a host sends can stop the service.
 */
public final class CommandService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CommandService.class);
    private static final long PAD_TIMEOUT_MS = 15_000;

    private final EventSink sink;
    private final PresenceService presence;
    private final PadLights lights;
    private final HealthStats health;
    private final DeviceControl control;
    private final WriteAreaHandler writer;
    private final Calibrator calibrator = new Calibrator();
    private final ResultCache results;
    private final ThreadPoolExecutor executor;
    private final Optional<FirmwareService> firmware;
    private final Optional<ResendHandler> resends;

    /** Checked by {@link CommandServiceBuilder#build()}. */
    CommandService(CommandServiceBuilder parts) {
        this.firmware = parts.firmware;
        this.resends = parts.kept == null ? Optional.empty()
                : Optional.of(new ResendHandler(parts.resendBoot, parts.kept, parts.replays, parts.health));
        this.results = new ResultCache(256, parts.remembered, parts.store);
        this.sink = parts.sink;
        this.presence = parts.presence;
        this.lights = parts.lights;
        this.health = parts.health;
        this.control = parts.control;
        this.writer = new WriteAreaHandler(parts.slots, lights, sink);
        this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(64), r -> {
            Thread t = new Thread(r, "commands");
            t.setDaemon(true);
            return t;
        });
    }

    /** A builder; see {@link CommandServiceBuilder} for what is required and the defaults. */
    public static CommandServiceBuilder builder() {
        return new CommandServiceBuilder();
    }

    /** Called from the MQTT client's thread: queue and return at once. */
    public void submit(byte[] payload) {
        try {
            executor.execute(() -> handle(payload));
        } catch (RejectedExecutionException e) {
            health.rejectedCommands.incrementAndGet();
            LOG.warn("command queue full: dropped a command of {} bytes", payload.length);
            CorrelationRecovery.recover(payload).ifPresent(id -> answer(id, Status.BUSY, "command queue full"));
        }
    }

    /** Decodes and executes one command; never throws. Visible for tests that drive it synchronously. */
    public void handle(byte[] payload) {
        try {
            Command cmd = decode(payload);
            if (cmd == null) {
                return;
            }
            Optional<CommandResult> earlier = results.get(cmd.correlationId());
            if (earlier.isPresent()) {
                LOG.info("command {} seen before: answering with the same result", cmd.correlationId());
                sink.emit(earlier.get());
                return;
            }
            if (cmd.body() instanceof FirmwareChunk chunk) {
                firmwareChunk(cmd.correlationId(), chunk);
                return;
            }
            Outcome out;
            try {
                out = execute(cmd);
            } catch (RuntimeException e) {
                LOG.error("command {} failed: {}", cmd.correlationId(), e.toString(), e);
                out = Outcome.of(Status.FAILED, "internal error: " + e);
            }
            out.report().ifPresent(r -> sink.emit(new CommandReport(cmd.correlationId(), r)));
            answer(cmd.correlationId(), out.status(), out.detail());
            if (cmd.body() instanceof Reboot && out.status() == Status.OK) {
                control.reboot();
            }
        } catch (RuntimeException e) {
            health.rejectedCommands.incrementAndGet();
            LOG.error("command handling failed: {}", e.toString(), e);
        }
    }

    private Command decode(byte[] payload) {
        if (payload.length > Limits.MAX_FRAME) {
            return garbage(payload, "oversized command: " + payload.length + " bytes, limit " + Limits.MAX_FRAME);
        }
        Frame frame;
        try {
            frame = FrameCodec.decode(payload);
        } catch (FrameException e) {
            return garbage(payload, "undecodable command: " + e.getMessage());
        }
        if (frame.message() instanceof Command c) {
            return c;
        }
        return garbage(payload, "not a command: " + frame.message().type());
    }

    private Command garbage(byte[] payload, String why) {
        health.garbageCommands.incrementAndGet();
        health.rejectedCommands.incrementAndGet();
        OptionalLong id = CorrelationRecovery.recover(payload);
        LOG.warn("{} (correlation id {})", why, id.isPresent() ? id.getAsLong() : "unrecoverable");
        if (id.isPresent() && results.get(id.getAsLong()).isEmpty()) {
            answer(id.getAsLong(), Status.REJECTED, why);
        }
        return null;
    }

    private void answer(long correlationId, Status status, String detail) {
        answer(correlationId, status, detail, true);
    }

    /** {@code remember}: kept for repeats (and on disk); firmware chunks are not, a repeat is harmless. */
    private void answer(long correlationId, Status status, String detail, boolean remember) {
        String d = detail.length() > 900 ? detail.substring(0, 900) + "..." : detail;
        CommandResult result = new CommandResult(correlationId, status, d);
        if (status != Status.OK) {
            health.rejectedCommands.incrementAndGet();
        }
        if (remember) {
            results.put(result);
        }
        sink.emit(result);
    }

    private Outcome execute(Command cmd) {
        return switch (cmd.body()) {
            case SetLed s -> setLed(s);
            case WriteArea w -> onPad(w.pad(), () -> writer.write(presence.pollers().get(w.pad()).reader(), w));
            case ShowVerdict v -> showVerdict(v);
            // The record WriteToy carries would need signing with the toy key, which no portal holds any more.
            case WriteToy w -> Outcome.of(Status.REJECTED,
                    "this portal holds no toy key: the host sends write_area (protocol 1.1)");
            case Calibrate c -> calibrate(c);
            case ConfigSet c -> configure(c);
            case Rebirth r -> {
                control.rebirth();
                yield Outcome.ok("birth sent");
            }
            case Reboot r -> Outcome.ok("restarting");
            // The serial console takes tokens itself (SerialLink); on MQTT the broker's ACL decides who commands.
            case PresentToken t -> Outcome.of(Status.REJECTED,
                    "a technician token is for the serial cable; over MQTT the broker decides who may command");
            case ResendFrames r -> resends.map(h -> h.resend(r)).orElseGet(() -> {
                health.resendsRefused.incrementAndGet();
                return Outcome.of(Status.REJECTED, "this portal keeps no delivered frames to send again");
            });
            case FirmwareChunk f -> throw new IllegalStateException("firmware chunks are handled by firmwareChunk");
            case UnknownCommand u -> Outcome.of(Status.UNKNOWN_COMMAND, "unknown command kind " + u.kind());
        };
    }

    /**
     * The updater answers; once that answer is in the outbox, a completed update restarts the service into
     * the new slot (the restart waits for the outbox to drain, so the answer reaches the sender first).
     */
    private void firmwareChunk(long correlationId, FirmwareChunk chunk) {
        if (firmware.isEmpty()) {
            answer(correlationId, Status.REJECTED, "firmware updates not configured (no firmware.publicKeyFile)", false);
            return;
        }
        FirmwareUpdater.Reply reply = firmware.get().handle(correlationId, chunk);
        // Chunks are idempotent by themselves (the receiver keeps what it has), so they skip the result cache:
        // a transfer of thousands of chunks must not rewrite the remembered results thousands of times.
        answer(correlationId, reply.result().status(), reply.result().detail(), false);
        firmware.get().afterSent(reply);
    }

    private Outcome setLed(SetLed s) {
        if (s.pad() == SetLed.ALL_PADS) {
            for (int p = 0; p < presence.padCount(); p++) {
                lights.set(p, s.rgb(), s.mode(), s.durationMillis());
            }
        } else if (s.pad() < presence.padCount()) {
            lights.set(s.pad(), s.rgb(), s.mode(), s.durationMillis());
        } else {
            return Outcome.of(Status.REJECTED, "no pad " + s.pad() + " (this portal has " + presence.padCount() + ")");
        }
        return Outcome.ok(String.format("pad %s shows #%06X %s", s.pad() == SetLed.ALL_PADS ? "all" : s.pad(),
                s.rgb(), s.mode()));
    }

    /** On the pad's thread, like the removals that would make the verdict stale. */
    private Outcome showVerdict(ShowVerdict v) {
        return onPad(v.pad(), () -> presence.pollers().get(v.pad()).showVerdict(v.slot(), v.uid(), v.verdict())
                ? Outcome.ok("pad " + v.pad() + " shows " + v.verdict() + " for " + v.uid())
                : Outcome.of(Status.NO_TAG, "toy " + v.uid() + " is not in slot " + v.slot() + " on pad " + v.pad()));
    }

    private Outcome calibrate(Calibrate c) {
        if (c.pad() >= presence.padCount()) {
            return Outcome.of(Status.REJECTED, "no pad " + c.pad());
        }
        if (c.antennaGainDb() != 0 && !AntennaGain.isValid(c.antennaGainDb())) {
            return Outcome.of(Status.REJECTED, "antenna gain must be " + AntennaGain.RANGE + ", or 0 for a sweep");
        }
        Outcome out = onPad(c.pad(), () -> calibrator.calibrate(presence.pollers().get(c.pad()), c));
        if (out.status() == Status.OK) {
            try {
                control.calibrationChanged();
            } catch (java.io.IOException e) {
                return new Outcome(Status.FAILED, out.detail() + "; but saving it failed: " + e.getMessage(), out.report());
            }
            control.rebirth();
        }
        return out;
    }

    private Outcome configure(ConfigSet c) {
        RuntimeSettings current = control.runtime();
        if (!ConfigSet.isNewer(c.desiredVersion(), current.version())) {
            return Outcome.of(Status.REJECTED, "config version " + c.desiredVersion() + " is not newer than "
                    + current.version() + "; keeping " + current.version()).with(inForce(current));
        }
        try {
            RuntimeSettings next = current.apply(c.desiredVersion(), c.entries());
            control.applyRuntime(next);
            control.rebirth();
            return Outcome.ok("config version " + next.version() + " in force: " + next.asEntries()).with(inForce(next));
        } catch (ConfigException e) {
            return Outcome.of(Status.REJECTED, "config rejected, keeping version " + current.version() + ": "
                    + String.join("; ", e.problems())).with(inForce(current));
        } catch (java.io.IOException e) {
            return Outcome.of(Status.FAILED, "could not save config: " + e.getMessage());
        }
    }

    private static ConfigReport inForce(RuntimeSettings settings) {
        return new ConfigReport(settings.version(), settings.asEntries());
    }

    private Outcome onPad(int pad, java.util.concurrent.Callable<Outcome> task) {
        if (pad >= presence.padCount()) {
            return Outcome.of(Status.REJECTED, "no pad " + pad);
        }
        try {
            return presence.onPad(pad, task).get(PAD_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return Outcome.of(Status.TIMEOUT, "pad " + pad + " did not finish in " + PAD_TIMEOUT_MS + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.of(Status.FAILED, "interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            return Outcome.of(Status.FAILED, String.valueOf(e.getCause()));
        }
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            executor.awaitTermination(3, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
