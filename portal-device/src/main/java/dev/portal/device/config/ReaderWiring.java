package dev.portal.device.config;

/**
 * How one pad's reader chip is wired to the Pi: the chip and the bus it sits on. The combinations the drivers
 * support are the only ones that can be made, so a checked configuration never names a wiring no driver opens.
 */
public sealed interface ReaderWiring {
    ReaderChip chip();

    /** A short name for logs and errors, e.g. {@code pn532 on uart /dev/ttyS0}. */
    String describe();

    /**
     * An MFRC522 on SPI: the only bus its driver speaks; the wiring of every portal.json from before PN532 support.
     *
     * @param resetGpio BCM pin of the chip's reset line, or -1 for none
     */
    record Mfrc522Spi(int spiBus, int chipSelect, int spiSpeedHz, int resetGpio) implements ReaderWiring {
        @Override
        public ReaderChip chip() {
            return ReaderChip.MFRC522;
        }

        @Override
        public String describe() {
            return "mfrc522 on spi bus " + spiBus + " chip select " + chipSelect;
        }
    }

    /** A PN532 on a UART (HSU, 115200 8N1), e.g. {@code /dev/ttyS0} or a USB adaptor's {@code /dev/ttyUSB0}. */
    record Pn532Uart(String port) implements ReaderWiring {
        @Override
        public ReaderChip chip() {
            return ReaderChip.PN532;
        }

        @Override
        public String describe() {
            return "pn532 on uart " + port;
        }
    }

    /** A PN532 on I2C bus {@code i2cBus} (1 on a Pi's header) at 7-bit {@code address} (0x24 unless strapped). */
    record Pn532I2c(int i2cBus, int address) implements ReaderWiring {
        @Override
        public ReaderChip chip() {
            return ReaderChip.PN532;
        }

        @Override
        public String describe() {
            return String.format("pn532 on i2c bus %d address 0x%02x", i2cBus, address);
        }
    }
}
