package dev.portal.device.sim;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.i2c.I2C;
import dev.portal.device.app.PortalHardware;
import dev.portal.device.app.ReaderFaultLog;
import dev.portal.device.config.PadConfig;
import dev.portal.device.config.ReaderChip;
import dev.portal.device.config.ReaderWiring;
import dev.portal.device.led.PadLights;
import dev.portal.device.led.StateLights;
import dev.portal.hardware.mfrc522.Mfrc522Options;
import dev.portal.hardware.mfrc522.Mfrc522ReaderFactory;
import dev.portal.hardware.pn532.Pn532Reader;
import dev.portal.hardware.pn532.transport.I2cTransport;
import dev.portal.hardware.pn532.transport.UartTransport;
import dev.portal.hardware.reader.NfcReader;
import dev.portal.hardware.reader.ReaderException;
import dev.portal.hardware.reader.ReaderTimeouts;
import dev.portal.hardware.sim.mfrc522.Mfrc522Model;
import dev.portal.hardware.sim.pi4j.ModelI2CProvider;
import dev.portal.hardware.sim.pi4j.ModelSpiProvider;
import dev.portal.hardware.sim.pn532.Pn532I2cDevice;
import dev.portal.hardware.sim.pn532.Pn532Model;
import dev.portal.hardware.sim.pn532.Pn532OnPty;
import dev.portal.hardware.sim.rf.RfField;
import dev.portal.hardware.sim.rf.VirtualPortal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A portal of chip models: a virtual portal with one RF field per pad and, on each field, the model of the chip
 * the pad's wiring names, behind the real driver on the same kind of bus: an MFRC522 model on a Pi4J SPI provider
 * that leads to the models, a PN532 model on a real socat pty pair (the UART driver opens the pty through
 * jSerialComm) or on a Pi4J I2C provider. Only the silicon is simulated; every byte the service sends crosses the
 * same driver code as on a Pi.
 */
public final class SimulatedHardware implements PortalHardware {
    /**
     * The PN532 driver's limits in simulation: a pty and a model thread on a busy machine answer later than a chip
     * on a UART does, and a timed-out exchange would show as a missed toy.
     */
    static final ReaderTimeouts PN532_TIMEOUTS =
            new ReaderTimeouts(Duration.ofMillis(60), Duration.ofMillis(300), Duration.ofMillis(1000));

    private final Context context;
    private final VirtualPortal portal;
    private final List<Mfrc522Model> chips;
    private final List<NfcReader> readers;
    private final List<Pn532OnPty> links;
    private final Path ptyDir;
    private final StateLights lights;

    private SimulatedHardware(Context context, VirtualPortal portal, List<Mfrc522Model> chips, List<NfcReader> readers,
                              List<Pn532OnPty> links, Path ptyDir) {
        this.context = context;
        this.portal = portal;
        this.chips = chips;
        this.readers = readers;
        this.links = links;
        this.ptyDir = ptyDir;
        this.lights = StateLights.withoutOutput(readers.size());
    }

    /** {@code pads} MFRC522 pads on SPI bus 0, chip select = pad. */
    public static SimulatedHardware open(int pads, long seed) {
        return open(pads, seed, ReaderChip.MFRC522);
    }

    /** {@code pads} pads with {@code chip} readers: MFRC522s on SPI bus 0 (chip select = pad), PN532s on UARTs. */
    public static SimulatedHardware open(int pads, long seed, ReaderChip chip) {
        return open(IntStream.range(0, pads).<ReaderWiring>mapToObj(i -> chip == ReaderChip.PN532
                ? new ReaderWiring.Pn532Uart("sim-pn532-pad-" + i)
                : new ReaderWiring.Mfrc522Spi(0, i, 1_000_000, -1)).toList(), seed);
    }

    /** The pads of a configuration, each with the chip and bus its reader names. */
    public static SimulatedHardware forPads(List<PadConfig> pads, long seed) {
        return open(pads.stream().map(PadConfig::reader).toList(), seed);
    }

    /**
     * One pad per wiring, pad i on {@code wirings.get(i)}. A UART's configured port is not used: each simulated
     * PN532 gets a pty pair of its own in a temporary folder, which the driver opens instead.
     */
    public static SimulatedHardware open(List<ReaderWiring> wirings, long seed) {
        ModelSpiProvider spi = new ModelSpiProvider();
        ModelI2CProvider i2c = new ModelI2CProvider();
        Context context = Pi4J.newContextBuilder().add(spi, i2c).build();
        VirtualPortal portal = new VirtualPortal(wirings.size(), seed);
        List<Mfrc522Model> chips = new ArrayList<>();
        List<NfcReader> readers = new ArrayList<>();
        List<Pn532OnPty> links = new ArrayList<>();
        Path ptyDir = null;
        try {
            for (int pad = 0; pad < wirings.size(); pad++) {
                RfField field = portal.pad(pad);
                switch (wirings.get(pad)) {
                    case ReaderWiring.Mfrc522Spi w -> {
                        Mfrc522Model chip = new Mfrc522Model(field);
                        chips.add(chip);
                        spi.attach(w.spiBus(), w.chipSelect(), chip);
                        readers.add(new Mfrc522ReaderFactory(context, ModelSpiProvider.ID, w.spiBus(), 1_000_000)
                                .open(new Mfrc522ReaderFactory.PadWiring(w.chipSelect(), null),
                                        Mfrc522Options.DEFAULT.withListener(ReaderFaultLog::log)));
                    }
                    case ReaderWiring.Pn532Uart w -> {
                        if (ptyDir == null) {
                            ptyDir = Files.createTempDirectory("portal-pn532");
                        }
                        Pn532OnPty chip = Pn532OnPty.start(new Pn532Model(field), ptyDir, "pad-" + pad);
                        links.add(chip);
                        readers.add(Pn532Reader.open(UartTransport.open(chip.hostEnd()), PN532_TIMEOUTS,
                                ReaderFaultLog::log));
                    }
                    case ReaderWiring.Pn532I2c w -> {
                        i2c.attach(w.i2cBus(), w.address(),
                                new Pn532I2cDevice(new Pn532Model(field), () -> field.faults().isBusDead()));
                        I2C device = context.create(I2C.newConfigBuilder(context).id("sim-pn532-" + pad)
                                .bus(w.i2cBus()).device(w.address()).provider(ModelI2CProvider.ID));
                        readers.add(Pn532Reader.open(new I2cTransport(device), PN532_TIMEOUTS, ReaderFaultLog::log));
                    }
                }
            }
        } catch (IOException | ReaderException | RuntimeException e) {
            new SimulatedHardware(context, portal, chips, readers, links, ptyDir).close();
            throw new IllegalStateException("simulated readers did not start: " + e.getMessage(), e);
        }
        return new SimulatedHardware(context, portal, List.copyOf(chips), List.copyOf(readers), List.copyOf(links),
                ptyDir);
    }

    public VirtualPortal portal() {
        return portal;
    }

    /** The MFRC522 models, in pad order among the MFRC522 pads (for bus faults). */
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
        links.forEach(Pn532OnPty::close);
        context.shutdown();
        if (ptyDir != null) {
            try (Stream<Path> left = Files.walk(ptyDir)) {
                left.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
