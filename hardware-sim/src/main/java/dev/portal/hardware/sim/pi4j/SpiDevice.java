package dev.portal.hardware.sim.pi4j;

/**
 * A chip model on an SPI chip select. One call is one chip-select assertion: full duplex, {@code mosi.length}
 * bytes out and as many back.
 */
@FunctionalInterface
public interface SpiDevice {

    /** Clocks {@code mosi} out and returns the bytes clocked in at the same time (same length). */
    byte[] transfer(byte[] mosi);
}
