package dev.portal.hardware.sim.pi4j;

import com.pi4j.io.spi.Spi;
import com.pi4j.io.spi.SpiConfig;
import com.pi4j.io.spi.SpiProviderBase;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A Pi4J SPI provider whose chip selects lead to chip models instead of /dev/spidev: register it in a Pi4J
 * context ({@code Pi4J.newContextBuilder().add(provider)}) and drivers run unchanged through real Pi4J
 * {@link Spi} objects. A chip select with nothing attached reads as a floating bus (all 0xFF).
 */
public final class ModelSpiProvider extends SpiProviderBase {
    public static final String ID = "portal-model-spi";

    private final Map<Integer, SpiDevice> devices = new ConcurrentHashMap<>();
    private final Map<Integer, BusCounters> counters = new ConcurrentHashMap<>();

    public ModelSpiProvider() {
        super(ID, "Portal chip-model SPI");
    }

    /** Attaches a chip model to a bus and chip select (replacing whatever was there). */
    public ModelSpiProvider attach(int bus, int chipSelect, SpiDevice device) {
        devices.put(key(bus, chipSelect), device);
        return this;
    }

    /** The counters of one chip select (created on first use). */
    public BusCounters counters(int bus, int chipSelect) {
        return counters.computeIfAbsent(key(bus, chipSelect), k -> new BusCounters());
    }

    @Override
    public int getPriority() {
        return 200; // above the mock plugin's SPI, which only replays bytes
    }

    @Override
    public Spi create(SpiConfig config) {
        int bus = config.bus() == null ? 0 : config.bus().getBus();
        int cs = config.address() == null ? 0 : config.address(); // the chip select
        SpiDevice device = devices.getOrDefault(key(bus, cs), mosi -> filled(mosi.length));
        ModelSpi spi = new ModelSpi(this, config, device, counters(bus, cs));
        context().registry().add(spi);
        return spi;
    }

    private static byte[] filled(int n) {
        byte[] out = new byte[n];
        java.util.Arrays.fill(out, (byte) 0xFF);
        return out;
    }

    private static int key(int bus, int chipSelect) {
        return bus << 8 | chipSelect;
    }
}
