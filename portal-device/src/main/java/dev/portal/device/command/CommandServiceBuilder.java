package dev.portal.device.command;

import dev.portal.device.firmware.FirmwareService;
import dev.portal.device.frame.EventSink;
import dev.portal.device.frame.KeptFrames;
import dev.portal.device.health.HealthStats;
import dev.portal.device.led.PadLights;
import dev.portal.device.mqtt.ReplayQueue;
import dev.portal.device.presence.PresenceService;
import dev.portal.device.presence.SlotTable;
import dev.portal.protocol.frame.CommandResult;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Builds a {@link CommandService}; get one from {@link CommandService#builder()}. Required: sink, presence,
 * slots, lights, health and control; {@link #build()} names the first one missing. Optional, with
 * their defaults: {@link #rememberedResults} (none: results are remembered for this run only),
 * {@link #firmware} (none: FirmwareChunk commands are refused) and {@link #resends} (none: ResendFrames
 * commands are refused).
 */
public final class CommandServiceBuilder {
    EventSink sink;
    PresenceService presence;
    SlotTable slots;
    PadLights lights;
    HealthStats health;
    DeviceControl control;
    List<CommandResult> remembered = List.of();
    Consumer<List<CommandResult>> store = results -> { };
    Optional<FirmwareService> firmware = Optional.empty();
    long resendBoot;
    KeptFrames kept;
    ReplayQueue replays;

    CommandServiceBuilder() {
    }

    /** Where every CommandResult and report goes (the outbox, through the frame emitter). */
    public CommandServiceBuilder sink(EventSink results) {
        this.sink = Objects.requireNonNull(results, "sink");
        return this;
    }

    /** The pads: WriteArea, ShowVerdict and Calibrate run on a pad's own thread through it. */
    public CommandServiceBuilder presence(PresenceService pads) {
        this.presence = Objects.requireNonNull(pads, "presence");
        return this;
    }

    public CommandServiceBuilder slots(SlotTable table) {
        this.slots = Objects.requireNonNull(table, "slots");
        return this;
    }

    public CommandServiceBuilder lights(PadLights padLights) {
        this.lights = Objects.requireNonNull(padLights, "lights");
        return this;
    }

    public CommandServiceBuilder health(HealthStats stats) {
        this.health = Objects.requireNonNull(stats, "health");
        return this;
    }

    /** The running service, for Rebirth, ConfigSet, Calibrate and Reboot. */
    public CommandServiceBuilder control(DeviceControl device) {
        this.control = Objects.requireNonNull(device, "control");
        return this;
    }

    /**
     * With the {@code results} of earlier runs and a {@code store} that keeps them, a command repeated after a
     * restart (a Reboot, say) is answered, not executed again.
     */
    public CommandServiceBuilder rememberedResults(List<CommandResult> results,
                                                   Consumer<List<CommandResult>> keep) {
        this.remembered = Objects.requireNonNull(results, "results");
        this.store = Objects.requireNonNull(keep, "store");
        return this;
    }

    /** Set only when updates are enabled (a firmware key is configured): FirmwareChunk commands then update it. */
    public CommandServiceBuilder firmware(FirmwareService updates) {
        this.firmware = Optional.of(updates);
        return this;
    }

    /**
     * Set when the outbox keeps delivered frames and a publisher takes {@code replays}: ResendFrames commands for
     * boot {@code bootId} then publish {@code kept} frames again. Without it they are refused.
     */
    public CommandServiceBuilder resends(long bootId, KeptFrames kept, ReplayQueue replays) {
        this.resendBoot = bootId;
        this.kept = Objects.requireNonNull(kept, "kept");
        this.replays = Objects.requireNonNull(replays, "replays");
        return this;
    }

    /** The service, its command thread ready to take {@link CommandService#submit} calls. */
    public CommandService build() {
        required(sink, "sink");
        required(presence, "presence");
        required(slots, "slots");
        required(lights, "lights");
        required(health, "health");
        required(control, "control");
        return new CommandService(this);
    }

    private static void required(Object part, String name) {
        if (part == null) {
            throw new IllegalStateException("a CommandService needs " + name + "(..) before build()");
        }
    }
}
