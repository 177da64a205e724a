package dev.portal.hardware.gpio;

import com.pi4j.io.gpio.digital.DigitalOutput;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A pad LED on three Pi4J digital outputs (red, green, blue). {@code activeLow} for a common-anode LED, where
 * a channel lights when its pin is low. Blinking and flashing run on a shared scheduler (one for all pads).
 */
public final class GpioPadLed implements PadLed {
    private final DigitalOutput red;
    private final DigitalOutput green;
    private final DigitalOutput blue;
    private final boolean activeLow;
    private final ScheduledExecutorService scheduler;
    private PadColour colour = PadColour.OFF;
    private LedEffect effect = LedEffect.SOLID;
    private ScheduledFuture<?> running;
    private boolean lit;

    public GpioPadLed(DigitalOutput red, DigitalOutput green, DigitalOutput blue, boolean activeLow,
                      ScheduledExecutorService scheduler) {
        this.red = red;
        this.green = green;
        this.blue = blue;
        this.activeLow = activeLow;
        this.scheduler = scheduler;
        drive(PadColour.OFF);
    }

    @Override
    public synchronized void show(PadColour colour, LedEffect effect) {
        cancel();
        long millis = effect.period().toMillis();
        switch (effect) {
            case SOLID -> {
                this.colour = colour;
                drive(colour);
            }
            case BLINK, FAST_BLINK -> {
                this.colour = colour;
                lit = true;
                drive(colour);
                running = scheduler.scheduleAtFixedRate(this::toggle, millis, millis, TimeUnit.MILLISECONDS);
            }
            case FLASH -> {
                PadColour after = this.colour;
                LedEffect afterEffect = this.effect;
                drive(colour);
                running = scheduler.schedule(() -> show(after, afterEffect == LedEffect.FLASH
                        ? LedEffect.SOLID : afterEffect), millis, TimeUnit.MILLISECONDS);
                return; // colour() and effect() keep what shows after the flash
            }
        }
        this.effect = effect;
    }

    private synchronized void toggle() {
        lit = !lit;
        drive(lit ? colour : PadColour.OFF);
    }

    private void cancel() {
        if (running != null) {
            running.cancel(false);
            running = null;
        }
    }

    private void drive(PadColour c) {
        red.state(level(c.red()));
        green.state(level(c.green()));
        blue.state(level(c.blue()));
    }

    private com.pi4j.io.gpio.digital.DigitalState level(boolean on) {
        return com.pi4j.io.gpio.digital.DigitalState.getState(on != activeLow);
    }

    @Override
    public synchronized PadColour colour() {
        return colour;
    }

    @Override
    public synchronized LedEffect effect() {
        return effect;
    }

    @Override
    public synchronized void close() {
        cancel();
        colour = PadColour.OFF;
        effect = LedEffect.SOLID;
        drive(PadColour.OFF);
    }
}
