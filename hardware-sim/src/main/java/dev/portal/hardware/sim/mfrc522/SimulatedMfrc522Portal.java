package dev.portal.hardware.sim.mfrc522;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.provider.Provider;
import dev.portal.hardware.mfrc522.Mfrc522Options;
import dev.portal.hardware.mfrc522.Mfrc522Reader;
import dev.portal.hardware.mfrc522.Mfrc522ReaderFactory;
import dev.portal.hardware.sim.pi4j.ModelSpiProvider;
import dev.portal.hardware.sim.rf.FaultInjector;
import dev.portal.hardware.sim.rf.VirtualPortal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A whole simulated portal: a {@link VirtualPortal} whose pad i is driven by an MFRC522 model on SPI bus 0,
 * chip select i, behind a {@link ModelSpiProvider}. For simulators, demos and benchmarks that run the real
 * drivers (and the services above them) without a Raspberry Pi: build a Pi4J context with
 * {@link #newContext(Provider...)} (add GPIO providers such as the mock plugin's if LEDs or buttons are wanted)
 * and open the readers with {@link #openReaders(Context, Mfrc522Options)}. No reset lines are wired.
 */
public final class SimulatedMfrc522Portal {
    private final VirtualPortal portal;
    private final ModelSpiProvider spi = new ModelSpiProvider();
    private final List<Mfrc522Model> chips = new ArrayList<>();

    public SimulatedMfrc522Portal(int pads, long seed) {
        this.portal = new VirtualPortal(pads, seed);
        for (int i = 0; i < pads; i++) {
            Mfrc522Model chip = new Mfrc522Model(portal.pad(i), Mfrc522Model.VERSION_2_0,
                    new FaultInjector(seed * 31 + i), seed + i);
            chips.add(chip);
            spi.attach(0, i, chip);
        }
    }

    public VirtualPortal portal() {
        return portal;
    }

    public ModelSpiProvider spiProvider() {
        return spi;
    }

    public Mfrc522Model chip(int pad) {
        return chips.get(pad);
    }

    /** A Pi4J context with the model SPI provider and any further providers. */
    public Context newContext(Provider<?, ?, ?>... more) {
        return Pi4J.newContextBuilder().add(spi).add(more).build();
    }

    /** One reader per pad, in pad order. */
    public List<Mfrc522Reader> openReaders(Context context, Mfrc522Options options) {
        List<Mfrc522ReaderFactory.PadWiring> wiring = IntStream.range(0, chips.size())
                .mapToObj(i -> new Mfrc522ReaderFactory.PadWiring(i, null)).toList();
        return new Mfrc522ReaderFactory(context, ModelSpiProvider.ID, 0, 1_000_000).openAll(wiring, options);
    }
}
