package dev.portal.device.app;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import dev.portal.device.config.DeviceConfig;
import dev.portal.device.config.PadConfig;
import dev.portal.device.led.LedColours;
import dev.portal.device.led.PadLights;
import dev.portal.device.led.StateLights;
import dev.portal.hardware.mfrc522.Mfrc522Options;
import dev.portal.hardware.mfrc522.Mfrc522ReaderFactory;
import dev.portal.hardware.gpio.PadColour;
import dev.portal.hardware.gpio.PadIoFactory;
import dev.portal.hardware.gpio.PadLed;
import dev.portal.protocol.frame.AntennaGain;
import dev.portal.hardware.reader.NfcReader;
import dev.portal.protocol.frame.LedMode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The real thing: MFRC522 chips on the Pi's SPI (Pi4J linuxfs plugin) with reset lines and RGB pad LEDs on GPIO
 * (gpiod plugin), as portal.json wires them. A chip that does not answer at start does not stop the service:
 * its pad reports errors and keeps trying.
 */
public final class PiHardware implements PortalHardware {
    private final Context context;
    private final List<NfcReader> readers;
    private final StateLights lights;

    private final PadIoFactory io;

    private PiHardware(Context context, List<NfcReader> readers, StateLights lights, PadIoFactory io) {
        this.io = io;
        this.context = context;
        this.readers = readers;
        this.lights = lights;
    }

    public static PiHardware open(DeviceConfig config) {
        Context context = Pi4J.newAutoContext();
        List<NfcReader> readers = new ArrayList<>();
        Map<Integer, PadLed> leds = new HashMap<>();
        PadIoFactory io = new PadIoFactory(context, false);
        Mfrc522Options options = new Mfrc522Options(Mfrc522Options.DEFAULT.timeouts(),
                Mfrc522Options.DEFAULT.activationTimeout(), new AntennaGain(config.runtime().antennaGainDb()),
                Mfrc522Options.DEFAULT.crc(), ReaderFaultLog::log);
        for (PadConfig pad : config.pads()) {
            Mfrc522ReaderFactory factory = new Mfrc522ReaderFactory(context, null, pad.spiBus(), pad.spiSpeedHz());
            readers.add(factory.open(new Mfrc522ReaderFactory.PadWiring(pad.chipSelect(),
                    pad.resetGpio() < 0 ? null : pad.resetGpio()), options));
            pad.led().ifPresent(pins -> leds.put(pad.pad(), (pins.activeLow() ? new PadIoFactory(context, true) : io)
                    .led(pad.pad(), new PadIoFactory.PadPins(pins.red(), pins.green(), pins.blue(), null))));
        }
        StateLights lights = new StateLights(readers.size(), (pad, rgb, mode) -> {
            PadLed led = leds.get(pad);
            if (led != null) {
                led.show(mode == LedMode.OFF ? PadColour.OFF : LedColours.nearest(rgb), LedColours.effect(mode));
            }
        });
        return new PiHardware(context, List.copyOf(readers), lights, io);
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
        io.close();
        context.shutdown();
    }
}
