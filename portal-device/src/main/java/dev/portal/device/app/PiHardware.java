package dev.portal.device.app;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import dev.portal.device.config.DeviceConfig;
import dev.portal.device.config.PadConfig;
import dev.portal.device.led.PadLights;
import dev.portal.device.led.StateLights;
import dev.portal.hardware.mfrc522.Mfrc522Options;
import dev.portal.hardware.mfrc522.Mfrc522ReaderFactory;
import dev.portal.hardware.reader.AntennaGain;
import dev.portal.hardware.reader.NfcReader;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The real thing: MFRC522 chips on the Pi's SPI (Pi4J linuxfs plugin) with reset lines and pad LEDs on GPIO
 * (gpiod plugin), as portal.json wires them. A chip that does not answer at start does not stop the service:
 * its pad reports errors and keeps trying.
 */
public final class PiHardware implements PortalHardware {
    private final Context context;
    private final List<NfcReader> readers;
    private final StateLights lights;

    private PiHardware(Context context, List<NfcReader> readers, StateLights lights) {
        this.context = context;
        this.readers = readers;
        this.lights = lights;
    }

    public static PiHardware open(DeviceConfig config) {
        Context context = Pi4J.newAutoContext();
        List<NfcReader> readers = new ArrayList<>();
        Map<Integer, DigitalOutput> leds = new HashMap<>();
        Mfrc522Options options = new Mfrc522Options(Mfrc522Options.DEFAULT.timeouts(),
                Mfrc522Options.DEFAULT.activationTimeout(), new AntennaGain(config.runtime().antennaGainDb()),
                Mfrc522Options.DEFAULT.crc(), Mfrc522Options.DEFAULT.listener());
        for (PadConfig pad : config.pads()) {
            Mfrc522ReaderFactory factory = new Mfrc522ReaderFactory(context, null, pad.spiBus(), pad.spiSpeedHz());
            readers.add(factory.open(new Mfrc522ReaderFactory.PadWiring(pad.chipSelect(),
                    pad.resetGpio() < 0 ? null : pad.resetGpio()), options));
            if (pad.ledGpio() >= 0) {
                leds.put(pad.pad(), context.create(DigitalOutput.newConfigBuilder(context)
                        .id("portal-led-" + pad.pad()).address(pad.ledGpio())
                        .initial(DigitalState.LOW).shutdown(DigitalState.LOW)));
            }
        }
        StateLights lights = new StateLights(readers.size(), (pad, on) -> {
            DigitalOutput out = leds.get(pad);
            if (out != null) {
                out.state(on ? DigitalState.HIGH : DigitalState.LOW);
            }
        });
        return new PiHardware(context, List.copyOf(readers), lights);
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
