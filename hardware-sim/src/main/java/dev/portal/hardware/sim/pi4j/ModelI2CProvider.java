package dev.portal.hardware.sim.pi4j;

import com.pi4j.io.i2c.I2C;
import com.pi4j.io.i2c.I2CConfig;
import com.pi4j.io.i2c.I2CProviderBase;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A Pi4J I2C provider whose addresses lead to chip models ({@link I2cDevice}) instead of /dev/i2c-N. Register
 * it in a Pi4J context next to {@link ModelSpiProvider}. An address with nothing attached NACKs every
 * transaction, which Pi4J callers see as an exception, as on a real bus.
 */
public final class ModelI2CProvider extends I2CProviderBase {
    public static final String ID = "portal-model-i2c";

    private final Map<Integer, I2cDevice> devices = new ConcurrentHashMap<>();
    private final Map<Integer, BusCounters> counters = new ConcurrentHashMap<>();

    public ModelI2CProvider() {
        super(ID, "Portal chip-model I2C");
    }

    /** Attaches a chip model at a bus and 7-bit address (replacing whatever was there). */
    public ModelI2CProvider attach(int bus, int address, I2cDevice device) {
        devices.put(key(bus, address), device);
        return this;
    }

    public BusCounters counters(int bus, int address) {
        return counters.computeIfAbsent(key(bus, address), k -> new BusCounters());
    }

    @Override
    public int getPriority() {
        return 200;
    }

    @Override
    public I2C create(I2CConfig config) {
        int bus = config.bus() == null ? 1 : config.bus();
        int address = config.device() == null ? 0 : config.device();
        I2cDevice device = devices.getOrDefault(key(bus, address), (write, readLength) -> {
            throw new I2cDevice.I2cNackException("no device acknowledges address 0x" + Integer.toHexString(address));
        });
        ModelI2C i2c = new ModelI2C(this, config, device, counters(bus, address));
        context().registry().add(i2c);
        return i2c;
    }

    private static int key(int bus, int address) {
        return bus << 8 | address;
    }
}
