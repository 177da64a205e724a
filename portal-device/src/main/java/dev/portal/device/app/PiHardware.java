package dev.portal.device.app;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import dev.portal.device.config.DeviceConfig;
import dev.portal.device.config.PadConfig;
import dev.portal.device.led.LedColours;
import dev.portal.device.led.PadLights;
import dev.portal.device.led.StateLights;
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
 * The real thing: each pad's reader as portal.json wires it (MFRC522 on SPI with an optional reset line, PN532 on
 * a UART or I2C; {@link PiReaders}) and RGB pad LEDs on GPIO (gpiod plugin). A chip that does not answer at start
 * does not stop the service: its pad reports errors and keeps trying.
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
        PiReaders opener = new PiReaders(context, new AntennaGain(config.runtime().antennaGainDb()));
        for (PadConfig pad : config.pads()) {
            readers.add(opener.open(pad.reader()));
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
