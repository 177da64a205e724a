package dev.portal.hardware.gpio;

import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.DigitalStateChangeListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A pad button on a Pi4J digital input. Debouncing is the input's (configure it on the Pi4J input, e.g. 10 ms);
 * {@code activeLow} for a button that pulls the pin to ground (the usual wiring with a pull-up).
 */
public final class GpioPadButton implements PadButton {
    private final DigitalInput input;
    private final int pad;
    private final boolean activeLow;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final DigitalStateChangeListener bridge;

    public GpioPadButton(DigitalInput input, int pad, boolean activeLow) {
        this.input = input;
        this.pad = pad;
        this.activeLow = activeLow;
        this.bridge = event -> {
            DigitalState state = event.state();
            if (state == DigitalState.UNKNOWN) {
                return;
            }
            boolean pressed = state.isHigh() != activeLow;
            listeners.forEach(l -> l.onButton(pad, pressed));
        };
        input.addListener(bridge);
    }

    @Override
    public int pad() {
        return pad;
    }

    @Override
    public boolean isPressed() {
        DigitalState state = input.state();
        return state != DigitalState.UNKNOWN && state.isHigh() != activeLow;
    }

    @Override
    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    @Override
    public void close() {
        input.removeListener(bridge);
        listeners.clear();
    }
}
