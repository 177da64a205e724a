package dev.portal.device.app;

import dev.portal.device.led.PadLights;
import dev.portal.hardware.reader.NfcReader;

import java.util.List;

/** The readers (one per pad) and LEDs the service runs on: real chips on a Pi, or chip models. */
public interface PortalHardware extends AutoCloseable {
    List<NfcReader> readers();

    PadLights lights();

    @Override
    void close();
}
