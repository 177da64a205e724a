package dev.portal.hardware.sim.pi4j;

/**
 * A chip model at an I2C address. One call is one bus transaction: {@code write} (possibly empty) is sent, then
 * {@code readLength} bytes (possibly none) are read. A chip that does not acknowledge its address throws
 * {@link I2cNackException}, as a real bus reports a NACK.
 */
@FunctionalInterface
public interface I2cDevice {

    byte[] transfer(byte[] write, int readLength);

    /** The device did not acknowledge (absent, busy or dead). */
    final class I2cNackException extends RuntimeException {
        public I2cNackException(String message) {
            super(message);
        }
    }
}
