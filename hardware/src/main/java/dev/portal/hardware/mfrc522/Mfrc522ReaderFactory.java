package dev.portal.hardware.mfrc522;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.spi.Spi;
import com.pi4j.io.spi.SpiBus;
import com.pi4j.io.spi.SpiMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens the MFRC522 readers of one portal: one chip per pad, each on its own chip select of one SPI bus, each
 * with an optional reset line (BCM pin). The Pi4J providers come from the context (linuxfs SPI and gpiod on a
 * Pi; a model provider in tests) unless named.
 */
public final class Mfrc522ReaderFactory {

    /** One pad's wiring: its chip select and the BCM pin of its reset line (null: soft reset only). */
    public record PadWiring(int chipSelect, Integer resetPin) {
    }

    private final Context context;
    private final String spiProvider;
    private final int spiBus;
    private final int baud;

    /** {@code spiProvider}: a Pi4J provider id, or null for the context's default SPI provider. */
    public Mfrc522ReaderFactory(Context context, String spiProvider, int spiBus, int baud) {
        this.context = context;
        this.spiProvider = spiProvider;
        this.spiBus = spiBus;
        this.baud = baud;
    }

    /** SPI bus 0 at 1 MHz (safe on long wires), default providers. */
    public Mfrc522ReaderFactory(Context context) {
        this(context, null, 0, 1_000_000);
    }

    public Mfrc522Reader open(PadWiring pad, Mfrc522Options options) {
        String name = "mfrc522@spi" + spiBus + "." + pad.chipSelect();
        var spiConfig = Spi.newConfigBuilder(context).id("portal-" + name.replace('@', '-').replace('.', '-'))
                .name(name).bus(SpiBus.getByNumber(spiBus)).address(pad.chipSelect())
                .mode(SpiMode.MODE_0).baud(baud);
        if (spiProvider != null) {
            spiConfig.provider(spiProvider);
        }
        Spi spi = context.create(spiConfig);
        DigitalOutput reset = null;
        if (pad.resetPin() != null) {
            reset = context.create(DigitalOutput.newConfigBuilder(context)
                    .id("portal-mfrc522-reset-" + pad.resetPin()).address(pad.resetPin())
                    .initial(DigitalState.HIGH).shutdown(DigitalState.LOW));
        }
        return Mfrc522Reader.open(name, spi, reset, options);
    }

    /** Opens every pad in order; pad i of the result is wired as {@code pads.get(i)}. */
    public List<Mfrc522Reader> openAll(List<PadWiring> pads, Mfrc522Options options) {
        List<Mfrc522Reader> readers = new ArrayList<>();
        for (PadWiring pad : pads) {
            readers.add(open(pad, options));
        }
        return List.copyOf(readers);
    }
}
