package dev.portal.device.app;

import com.pi4j.context.Context;
import com.pi4j.io.i2c.I2C;
import dev.portal.device.config.ReaderWiring;
import dev.portal.hardware.mfrc522.Mfrc522Options;
import dev.portal.hardware.mfrc522.Mfrc522ReaderFactory;
import dev.portal.hardware.pn532.Pn532Reader;
import dev.portal.hardware.pn532.transport.I2cTransport;
import dev.portal.hardware.pn532.transport.UartTransport;
import dev.portal.hardware.reader.NfcReader;
import dev.portal.hardware.reader.ReaderTimeouts;
import dev.portal.protocol.frame.AntennaGain;

/**
 * Opens the reader a pad's {@link ReaderWiring} names, on the Pi's buses: MFRC522 on SPI (Pi4J linuxfs), PN532
 * on a UART (jSerialComm) or on I2C (Pi4J linuxfs). A PN532 that does not answer at start is opened again by
 * its pad's resets ({@link LateOpeningReader}); an MFRC522's driver does that itself.
 */
final class PiReaders {
    private final Context context;
    private final Mfrc522Options mfrc522;

    PiReaders(Context context, AntennaGain gain) {
        this.context = context;
        this.mfrc522 = new Mfrc522Options(Mfrc522Options.DEFAULT.timeouts(), Mfrc522Options.DEFAULT.activationTimeout(),
                gain, Mfrc522Options.DEFAULT.crc(), ReaderFaultLog::log);
    }

    NfcReader open(ReaderWiring wiring) {
        return switch (wiring) {
            case ReaderWiring.Mfrc522Spi spi -> new Mfrc522ReaderFactory(context, null, spi.spiBus(), spi.spiSpeedHz())
                    .open(new Mfrc522ReaderFactory.PadWiring(spi.chipSelect(),
                            spi.resetGpio() < 0 ? null : spi.resetGpio()), mfrc522);
            case ReaderWiring.Pn532Uart uart -> LateOpeningReader.open(wiring.describe(),
                    () -> Pn532Reader.open(UartTransport.open(uart.port()), ReaderTimeouts.DEFAULT, ReaderFaultLog::log));
            case ReaderWiring.Pn532I2c i2c -> LateOpeningReader.open(wiring.describe(),
                    () -> Pn532Reader.open(new I2cTransport(i2cDevice(i2c)), ReaderTimeouts.DEFAULT, ReaderFaultLog::log));
        };
    }

    /**
     * A fresh Pi4J device for each attempt: a driver that fails to open closes its transport, and a closed device
     * stays in the context's registry under its id, so the last attempt's is shut down first. A bus that does
     * not exist (I2C not enabled) fails here, as a pad error, not as the service's end.
     */
    private I2C i2cDevice(ReaderWiring.Pn532I2c i2c) {
        String id = String.format("portal-pn532-i2c%d-%02x", i2c.i2cBus(), i2c.address());
        if (context.registry().exists(id)) {
            context.shutdown(id);
        }
        return context.create(I2C.newConfigBuilder(context).id(id).bus(i2c.i2cBus()).device(i2c.address()));
    }
}
