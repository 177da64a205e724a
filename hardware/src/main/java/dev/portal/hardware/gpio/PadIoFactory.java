package dev.portal.hardware.gpio;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Opens pad LEDs and buttons on the GPIO provider of a Pi4J context (gpiod on a Pi, mock in tests). One
 * scheduler thread drives every LED effect; {@link #close()} stops it.
 */
public final class PadIoFactory implements AutoCloseable {

    /** BCM pins of one pad: the LED's red, green and blue channels and the button (null: no button). */
    public record PadPins(int red, int green, int blue, Integer button) {
    }

    private final Context context;
    private final boolean ledActiveLow;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "portal-pad-leds");
        t.setDaemon(true);
        return t;
    });

    public PadIoFactory(Context context, boolean ledActiveLow) {
        this.context = context;
        this.ledActiveLow = ledActiveLow;
    }

    public PadLed led(int pad, PadPins pins) {
        return new GpioPadLed(output(pad, "red", pins.red()), output(pad, "green", pins.green()),
                output(pad, "blue", pins.blue()), ledActiveLow, scheduler);
    }

    /** The pad's button, pulled up, pressed when low, debounced for 10 ms by the GPIO provider. */
    public PadButton button(int pad, PadPins pins) {
        if (pins.button() == null) {
            throw new IllegalArgumentException("pad " + pad + " has no button pin");
        }
        DigitalInput input = context.create(DigitalInput.newConfigBuilder(context)
                .id("portal-pad" + pad + "-button").address(pins.button())
                .pull(PullResistance.PULL_UP).debounce(10_000L));
        return new GpioPadButton(input, pad, true);
    }

    private DigitalOutput output(int pad, String channel, int pin) {
        DigitalState off = DigitalState.getState(ledActiveLow);
        return context.create(DigitalOutput.newConfigBuilder(context).id("portal-pad" + pad + "-led-" + channel)
                .address(pin).initial(off).shutdown(off));
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
