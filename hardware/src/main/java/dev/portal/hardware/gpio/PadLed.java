package dev.portal.hardware.gpio;

/** The light of one pad. Thread-safe; effects run on their own and are replaced by the next call. */
public interface PadLed extends AutoCloseable {

    void show(PadColour colour, LedEffect effect);

    default void show(PadColour colour) {
        show(colour, LedEffect.SOLID);
    }

    /** What is being shown (for a FLASH, what shows once it is over). */
    PadColour colour();

    LedEffect effect();

    /** Switches the LED off and stops any effect. */
    @Override
    void close();
}
