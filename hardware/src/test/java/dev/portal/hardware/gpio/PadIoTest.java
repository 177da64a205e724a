package dev.portal.hardware.gpio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PadIoTest {
    private static final PadIoFactory.PadPins PINS = new PadIoFactory.PadPins(5, 6, 13, 19);
    private final Context context = Pi4J.newContextBuilder()
            .add(MockDigitalOutputProvider.newInstance(), MockDigitalInputProvider.newInstance()).build();
    private final PadIoFactory factory = new PadIoFactory(context, true);

    @AfterEach
    void shutdown() {
        factory.close();
        context.shutdown();
    }

    private DigitalState pin(String channel) {
        return context.registry().<DigitalOutput>get("portal-pad0-led-" + channel).state();
    }

    @Test
    void coloursDriveTheChannelsActiveLow() {
        PadLed led = factory.led(0, PINS);
        assertEquals(List.of(DigitalState.HIGH, DigitalState.HIGH, DigitalState.HIGH),
                List.of(pin("red"), pin("green"), pin("blue")), "off: all pins high on a common-anode LED");
        led.show(PadColour.AMBER);
        assertEquals(List.of(DigitalState.LOW, DigitalState.LOW, DigitalState.HIGH),
                List.of(pin("red"), pin("green"), pin("blue")));
        led.show(PadColour.BLUE);
        assertEquals(List.of(DigitalState.HIGH, DigitalState.HIGH, DigitalState.LOW),
                List.of(pin("red"), pin("green"), pin("blue")));
        led.close();
        assertEquals(DigitalState.HIGH, pin("blue"));
    }

    @Test
    void blinkTogglesUntilReplaced() throws Exception {
        PadLed led = factory.led(0, PINS);
        CountDownLatch toggles = new CountDownLatch(4);
        context.registry().<DigitalOutput>get("portal-pad0-led-red").addListener(e -> toggles.countDown());
        led.show(PadColour.RED, LedEffect.FAST_BLINK);
        assertTrue(toggles.await(5, TimeUnit.SECONDS), "the red channel keeps toggling");
        led.show(PadColour.GREEN);
        assertEquals(DigitalState.HIGH, pin("red"));
        assertEquals(DigitalState.LOW, pin("green"));
        assertEquals(LedEffect.SOLID, led.effect());
    }

    @Test
    void flashReturnsToThePreviousColour() throws Exception {
        PadLed led = factory.led(0, PINS);
        led.show(PadColour.GREEN);
        CountDownLatch back = new CountDownLatch(1);
        context.registry().<DigitalOutput>get("portal-pad0-led-blue").addListener(e -> {
            if (e.state() == DigitalState.HIGH) {
                back.countDown();
            }
        });
        led.show(PadColour.WHITE, LedEffect.FLASH);
        assertEquals(PadColour.GREEN, led.colour(), "what shows once the flash is over");
        assertTrue(back.await(5, TimeUnit.SECONDS), "blue goes off again: white is gone");
        assertEquals(List.of(DigitalState.HIGH, DigitalState.LOW, DigitalState.HIGH),
                List.of(pin("red"), pin("green"), pin("blue")), "green is back");
    }

    @Test
    void buttonPressAndReleaseReachListeners() {
        PadButton button = factory.button(0, PINS);
        List<Boolean> events = new CopyOnWriteArrayList<>();
        button.addListener((pad, pressed) -> events.add(pressed));
        MockDigitalInput input = context.registry().get("portal-pad0-button");
        input.mockState(DigitalState.HIGH);
        assertFalse(button.isPressed());
        input.mockState(DigitalState.LOW);
        assertTrue(button.isPressed());
        input.mockState(DigitalState.HIGH);
        assertEquals(List.of(true, false), events.subList(events.size() - 2, events.size()));
        button.close();
    }
}
