package dev.portal.device.presence;

import dev.portal.device.frame.EventSink;
import dev.portal.device.health.HealthStats;
import dev.portal.device.led.PadLights;
import dev.portal.hardware.reader.NfcReader;
import dev.portal.protocol.frame.PadCalibration;

import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Builds a {@link PadPoller}; get one from {@link PadPoller#builder()}. Every part is required, and
 * {@link #build()} names the first one missing. A builder may serve several pads: {@code build()} copies what it
 * holds, so the parts the pads share (slots, sink, lights, health, clock) are set once and pad, reader and
 * calibration once per pad.
 */
public final class PadPollerBuilder {
    int pad = -1;
    NfcReader reader;
    SlotTable slots;
    EventSink sink;
    PadLights lights;
    HealthStats health;
    LongSupplier clock;
    PadCalibration calibration;

    PadPollerBuilder() {
    }

    /** The pad's number, from 0: it names the pad in every frame and in the slot table. */
    public PadPollerBuilder pad(int number) {
        if (number < 0) {
            throw new IllegalArgumentException("pad must be 0 or more, not " + number);
        }
        this.pad = number;
        return this;
    }

    /** The pad's own reader; only the pad's thread may use it. */
    public PadPollerBuilder reader(NfcReader padReader) {
        this.reader = Objects.requireNonNull(padReader, "reader");
        return this;
    }

    /** The portal's slots, shared by all pads (a toy moved between pads keeps one slot table entry). */
    public PadPollerBuilder slots(SlotTable table) {
        this.slots = Objects.requireNonNull(table, "slots");
        return this;
    }

    /** Where TagPlaced, ToyAreas and TagRemoved go. */
    public PadPollerBuilder sink(EventSink events) {
        this.sink = Objects.requireNonNull(events, "sink");
        return this;
    }

    public PadPollerBuilder lights(PadLights padLights) {
        this.lights = Objects.requireNonNull(padLights, "lights");
        return this;
    }

    public PadPollerBuilder health(HealthStats stats) {
        this.health = Objects.requireNonNull(stats, "health");
        return this;
    }

    /** Milliseconds since boot: how long a removed tag rested is measured with it. */
    public PadPollerBuilder clock(LongSupplier millis) {
        this.clock = Objects.requireNonNull(millis, "clock");
        return this;
    }

    /** The gain and removal threshold to start with; {@link PadPoller#calibrate} changes them later. */
    public PadPollerBuilder calibration(PadCalibration start) {
        this.calibration = Objects.requireNonNull(start, "calibration");
        return this;
    }

    /** A poller not yet started ({@link PadPoller#start()} runs on the pad's thread). */
    public PadPoller build() {
        if (pad < 0) {
            throw missing("pad");
        }
        required(reader, "reader");
        required(slots, "slots");
        required(sink, "sink");
        required(lights, "lights");
        required(health, "health");
        required(clock, "clock");
        required(calibration, "calibration");
        return new PadPoller(this);
    }

    private void required(Object part, String name) {
        if (part == null) {
            throw missing(name);
        }
    }

    private IllegalStateException missing(String name) {
        return new IllegalStateException("a PadPoller needs " + name + "(..) before build()"
                + (pad < 0 ? "" : " (pad " + pad + ")"));
    }
}
