package dev.portal.hardware.gpio;

/** The push button of one pad (or of the portal). Thread-safe. */
public interface PadButton extends AutoCloseable {

    /** Told on every debounced press and release, on a Pi4J event thread: return quickly. */
    @FunctionalInterface
    interface Listener {
        void onButton(int pad, boolean pressed);
    }

    int pad();

    boolean isPressed();

    void addListener(Listener listener);

    void removeListener(Listener listener);

    @Override
    void close();
}
