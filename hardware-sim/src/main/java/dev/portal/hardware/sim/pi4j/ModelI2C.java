package dev.portal.hardware.sim.pi4j;

import com.pi4j.io.i2c.I2CBase;
import com.pi4j.io.i2c.I2CBusBase;
import com.pi4j.io.i2c.I2CConfig;
import com.pi4j.io.i2c.I2CProvider;
import java.util.Arrays;
import java.util.concurrent.Callable;

/**
 * A Pi4J {@code I2C} whose transactions go to an {@link I2cDevice}: a write is one transaction, a read another,
 * a register access writes the register address and reads in one transaction (repeated start).
 */
final class ModelI2C extends I2CBase<ModelI2C.Bus> {
    private final I2cDevice device;
    private final BusCounters counters;

    /** Serialises transactions the way a real bus does. */
    static final class Bus extends I2CBusBase {
        Bus(I2CConfig config) {
            super(config);
        }

        @Override
        public <R> R execute(com.pi4j.io.i2c.I2C i2c, Callable<R> action) {
            return _execute(i2c, action);
        }
    }

    ModelI2C(I2CProvider provider, I2CConfig config, I2cDevice device, BusCounters counters) {
        super(provider, config, new Bus(config));
        this.device = device;
        this.counters = counters;
        this.isOpen = true;
    }

    private byte[] transact(byte[] write, int readLength) {
        if (!isOpen) {
            throw new IllegalStateException("I2C " + id() + " is closed");
        }
        byte[] in = device.transfer(write, readLength);
        counters.count(write.length + readLength);
        if (in.length != readLength) {
            throw new IllegalStateException("model returned " + in.length + " bytes for a read of " + readLength);
        }
        return in;
    }

    @Override
    public int write(byte b) {
        transact(new byte[] {b}, 0);
        return 1;
    }

    @Override
    public int write(byte[] data, int offset, int length) {
        transact(Arrays.copyOfRange(data, offset, offset + length), 0);
        return length;
    }

    @Override
    public int read() {
        return transact(new byte[0], 1)[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        System.arraycopy(transact(new byte[0], length), 0, buffer, offset, length);
        return length;
    }

    @Override
    public int writeRead(byte[] write, int writeOffset, int writeLength, byte[] read, int readOffset, int readLength) {
        byte[] in = transact(Arrays.copyOfRange(write, writeOffset, writeOffset + writeLength), readLength);
        System.arraycopy(in, 0, read, readOffset, readLength);
        return readLength;
    }

    @Override
    public int readRegister(int register) {
        return transact(new byte[] {(byte) register}, 1)[0] & 0xFF;
    }

    @Override
    public int readRegister(byte[] register, byte[] buffer, int offset, int length) {
        System.arraycopy(transact(register.clone(), length), 0, buffer, offset, length);
        return length;
    }

    @Override
    public int readRegister(int register, byte[] buffer, int offset, int length) {
        return readRegister(new byte[] {(byte) register}, buffer, offset, length);
    }

    @Override
    public int writeRegister(int register, byte b) {
        transact(new byte[] {(byte) register, b}, 0);
        return 1;
    }

    @Override
    public int writeRegister(int register, byte[] data, int offset, int length) {
        return writeRegister(new byte[] {(byte) register}, data, offset, length);
    }

    @Override
    public int writeRegister(byte[] register, byte[] data, int offset, int length) {
        byte[] out = Arrays.copyOf(register, register.length + length);
        System.arraycopy(data, offset, out, register.length, length);
        transact(out, 0);
        return length;
    }
}
