package dev.portal.hardware.mfrc522;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.spi.Spi;
import com.pi4j.io.spi.SpiBus;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import dev.portal.hardware.sim.mfrc522.Mfrc522Model;
import dev.portal.hardware.sim.pi4j.ModelSpiProvider;
import dev.portal.hardware.sim.rf.FaultInjector;
import dev.portal.hardware.sim.rf.RfField;
import dev.portal.hardware.sim.rf.VirtualPortal;
import dev.portal.hardware.reader.ReaderFault;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Test bench: a real Pi4J context whose SPI chip selects lead to MFRC522 models (one per pad of a virtual
 * portal) and whose reset lines are mock GPIO outputs wired to the models' NRSTPD inputs.
 */
final class Mfrc522Rig implements AutoCloseable {
    final Context context;
    final ModelSpiProvider spi = new ModelSpiProvider();
    final VirtualPortal portal;
    final List<Mfrc522Model> chips = new ArrayList<>();
    final List<Mfrc522Reader> readers = new ArrayList<>();
    final List<ReaderFault> faults = new CopyOnWriteArrayList<>();

    Mfrc522Rig(int pads, int version, Mfrc522Options options) {
        context = Pi4J.newContextBuilder()
                .add(spi, MockDigitalOutputProvider.newInstance(), MockDigitalInputProvider.newInstance()).build();
        portal = new VirtualPortal(pads, 7);
        for (int i = 0; i < pads; i++) {
            Mfrc522Model chip = new Mfrc522Model(portal.pad(i), version, new FaultInjector(100 + i), i);
            chips.add(chip);
            spi.attach(0, i, chip);
            DigitalOutput reset = context.create(DigitalOutput.newConfigBuilder(context).id("rst" + i)
                    .address(20 + i).initial(DigitalState.HIGH).shutdown(DigitalState.LOW));
            reset.addListener(e -> chip.setResetLine(e.state().isHigh()));
            Spi device = context.create(Spi.newConfigBuilder(context).id("spi" + i).bus(SpiBus.BUS_0)
                    .address(i).baud(1_000_000).provider(ModelSpiProvider.ID));
            readers.add(Mfrc522Reader.open("pad" + i, device, reset, options.withListener(faults::add)));
        }
    }

    Mfrc522Rig(int pads) {
        this(pads, Mfrc522Model.VERSION_2_0, Mfrc522Options.DEFAULT);
    }

    static Mfrc522Rig single() {
        return new Mfrc522Rig(1);
    }

    Mfrc522Reader reader() {
        return readers.getFirst();
    }

    Mfrc522Model chip() {
        return chips.getFirst();
    }

    RfField field() {
        return portal.pad(0);
    }

    long spiTransfers() {
        return spi.counters(0, 0).transfers();
    }

    @Override
    public void close() {
        readers.forEach(Mfrc522Reader::close);
        context.shutdown();
    }
}
