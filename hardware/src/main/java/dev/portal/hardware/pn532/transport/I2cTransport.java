package dev.portal.hardware.pn532.transport;

import com.pi4j.io.i2c.I2C;
import dev.portal.hardware.reader.ReaderException;
import java.time.Duration;
import java.util.Arrays;

/**
 * PN532 over I2C (address 0x24) through a Pi4J {@link I2C} device. Every read from the chip starts with a
 * status byte whose bit 0 says a frame is ready; the host polls that byte until it is set (or the deadline
 * passes), then reads the status byte and the frame in one transfer. Reading a frame consumes it, so a read
 * asks for the largest frame the chip can send; the parser skips the zero padding after it. Bus errors
 * (a missing device NAKs its address) are BUS_DEAD.
 */
public final class I2cTransport implements Pn532Transport {
    public static final int DEFAULT_ADDRESS = 0x24;
    private static final int READY = 0x01;
    /** Status byte + the longest normal frame (7 + 255) + slack. */
    private static final int DEFAULT_READ_LENGTH = 1 + 264;

    private final I2C device;
    private final int readLength;
    private final Duration pollInterval;

    public I2cTransport(I2C device) {
        this(device, DEFAULT_READ_LENGTH, Duration.ofMillis(1));
    }

    /**
     * @param readLength bytes read once the chip is ready (status byte included); smaller values save bus time
     *                   when the host never expects long answers
     * @param pollInterval pause between status polls: the chip needs time to answer, the bus needs rest
     */
    public I2cTransport(I2C device, int readLength, Duration pollInterval) {
        if (readLength < 8) {
            throw new IllegalArgumentException("an I2C read must hold at least an ACK frame and the status byte");
        }
        this.device = device;
        this.readLength = readLength;
        this.pollInterval = pollInterval;
    }

    @Override
    public void wakeUp() throws ReaderException {
        // The address match wakes the chip from power-down; the first transfer may be lost while it wakes.
        try {
            device.read();
        } catch (RuntimeException ignoredWhileWaking) {
            sleep(Duration.ofMillis(2));
        }
    }

    @Override
    public void write(byte[] bytes) throws ReaderException {
        try {
            device.write(bytes, 0, bytes.length);
        } catch (RuntimeException e) {
            throw dead("write failed: " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] read(Duration maxWait) throws ReaderException {
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (true) {
            int status;
            try {
                status = device.read();
            } catch (RuntimeException e) {
                throw dead("status read failed: " + e.getMessage(), e);
            }
            if (status < 0) {
                throw dead("status read failed (" + status + ")", null);
            }
            if ((status & READY) != 0) {
                return readFrame();
            }
            if (System.nanoTime() >= deadline) {
                return new byte[0];
            }
            sleep(pollInterval);
        }
    }

    private byte[] readFrame() throws ReaderException {
        byte[] buffer = new byte[readLength];
        int n;
        try {
            n = device.read(buffer, 0, buffer.length);
        } catch (RuntimeException e) {
            throw dead("frame read failed: " + e.getMessage(), e);
        }
        if (n <= 1) {
            throw dead("frame read returned " + n + " bytes", null);
        }
        return Arrays.copyOfRange(buffer, 1, n); // drop the status byte
    }

    @Override
    public void discardInput() throws ReaderException {
        // A frame the host never read is still pending: read it away (bounded: the chip holds one frame).
        for (int i = 0; i < 2; i++) {
            if (read(Duration.ZERO).length == 0) {
                return;
            }
        }
    }

    @Override
    public String describe() {
        return "i2c-" + device.bus() + "@0x" + Integer.toHexString(device.device());
    }

    @Override
    public void close() {
        try {
            device.close();
        } catch (RuntimeException ignored) {
            // closing a dead bus has nothing left to release
        }
    }

    private ReaderException dead(String what, Throwable cause) {
        return new ReaderException(ReaderException.Failure.BUS_DEAD, describe() + ": " + what, cause);
    }

    private static void sleep(Duration d) throws ReaderException {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReaderException(ReaderException.Failure.TIMEOUT, "interrupted while waiting for the chip", e);
        }
    }
}
