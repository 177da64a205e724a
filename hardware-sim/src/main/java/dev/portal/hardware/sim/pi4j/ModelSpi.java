package dev.portal.hardware.sim.pi4j;

import com.pi4j.io.spi.SpiBase;
import com.pi4j.io.spi.SpiConfig;
import com.pi4j.io.spi.SpiProvider;
import java.util.Arrays;

/** A Pi4J {@code Spi} whose transfers go to a {@link SpiDevice} model; every transfer is counted. */
final class ModelSpi extends SpiBase {
    private final SpiDevice device;
    private final BusCounters counters;

    ModelSpi(SpiProvider provider, SpiConfig config, SpiDevice device, BusCounters counters) {
        super(provider, config);
        this.device = device;
        this.counters = counters;
        this.isOpen = true;
    }

    @Override
    public int transfer(byte[] write, int writeOffset, byte[] read, int readOffset, int numberOfBytes) {
        if (!isOpen) {
            throw new IllegalStateException("SPI " + id() + " is closed");
        }
        byte[] mosi = Arrays.copyOfRange(write, writeOffset, writeOffset + numberOfBytes);
        byte[] miso = device.transfer(mosi);
        counters.count(numberOfBytes);
        if (read != null) {
            System.arraycopy(miso, 0, read, readOffset, numberOfBytes);
        }
        return numberOfBytes;
    }

    @Override
    public int write(byte b) {
        return transfer(new byte[] {b}, 0, null, 0, 1);
    }

    @Override
    public int write(byte[] data, int offset, int length) {
        return transfer(data, offset, null, 0, length);
    }

    @Override
    public int read() {
        byte[] in = new byte[1];
        transfer(new byte[1], 0, in, 0, 1);
        return in[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        return transfer(new byte[length], 0, buffer, offset, length);
    }
}
