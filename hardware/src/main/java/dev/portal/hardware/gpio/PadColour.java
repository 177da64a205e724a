package dev.portal.hardware.gpio;

/** Colours an RGB pad LED can show with its three channels fully on or off. */
public enum PadColour {
    OFF(false, false, false),
    RED(true, false, false),
    GREEN(false, true, false),
    BLUE(false, false, true),
    AMBER(true, true, false),
    CYAN(false, true, true),
    MAGENTA(true, false, true),
    WHITE(true, true, true);

    private final boolean red;
    private final boolean green;
    private final boolean blue;

    PadColour(boolean red, boolean green, boolean blue) {
        this.red = red;
        this.green = green;
        this.blue = blue;
    }

    public boolean red() {
        return red;
    }

    public boolean green() {
        return green;
    }

    public boolean blue() {
        return blue;
    }
}
