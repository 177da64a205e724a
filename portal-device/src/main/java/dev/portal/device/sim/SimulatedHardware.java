package dev.portal.device.sim;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import dev.portal.device.app.PortalHardware;
import dev.portal.device.led.PadLights;
import dev.portal.device.led.StateLights;
import dev.portal.hardware.mfrc522.Mfrc522Options;
import dev.portal.hardware.mfrc522.Mfrc522Reader;
import dev.portal.hardware.mfrc522.Mfrc522ReaderFactory;
import dev.portal.hardware.sim.mfrc522.Mfrc522Model;
import dev.portal.hardware.sim.pi4j.ModelSpiProvider;
import dev.portal.hardware.sim.rf.VirtualPortal;
import dev.portal.hardware.reader.NfcReader;
import dev.portal.device.app.ReaderFaultLog;

import java.util.ArrayList;
import java.util.List;

/**
 * A portal of chip models: a virtual portal with one RF field per pad, an MFRC522 model on each field, and the
 * real MFRC522 driver talking to each model through a real Pi4J context whose SPI provider leads to the models.
 * Only the silicon is simulated; every byte the service sends crosses the same driver code as on a Pi.
 */
public final class SimulatedHardware implements PortalHardware {
    private final Context context;
    private final VirtualPortal portal;
    private final List<Mfrc522Model> chips;
    private final List<NfcReader> readers;
    private final StateLights lights;

    private SimulatedHardware(Context context, VirtualPortal portal, List<Mfrc522Model> chips,
                              List<NfcReader> readers) {
        this.context = context;
        this.portal = portal;
        this.chips = chips;
        this.readers = readers;
        this.lights = StateLights.withoutOutput(readers.size());
    }

    public static SimulatedHardware open(int pads, long seed) {
        ModelSpiProvider spi = new ModelSpiProvider();
        Context context = Pi4J.newContextBuilder().add(spi).build();
        VirtualPortal portal = new VirtualPortal(pads, seed);
        List<Mfrc522Model> chips = new ArrayList<>();
        List<NfcReader> readers = new ArrayList<>();
        Mfrc522ReaderFactory factory = new Mfrc522ReaderFactory(context, ModelSpiProvider.ID, 0, 1_000_000);
        for (int i = 0; i < pads; i++) {
            Mfrc522Model chip = new Mfrc522Model(portal.pad(i));
            chips.add(chip);
            spi.attach(0, i, chip);
            Mfrc522Reader reader = factory.open(new Mfrc522ReaderFactory.PadWiring(i, null),
                    Mfrc522Options.DEFAULT.withListener(ReaderFaultLog::log));
            readers.add(reader);
        }
        return new SimulatedHardware(context, portal, List.copyOf(chips), List.copyOf(readers));
    }

    public VirtualPortal portal() {
        return portal;
    }

    public List<Mfrc522Model> chips() {
        return chips;
    }

    @Override
    public List<NfcReader> readers() {
        return readers;
    }

    @Override
    public PadLights lights() {
        return lights;
    }

    @Override
    public void close() {
        readers.forEach(NfcReader::close);
        context.shutdown();
    }
}
