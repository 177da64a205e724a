package dev.portal.device.config;

/**
 * One pad: the reader chip behind it (SPI bus and chip select, optional reset GPIO) and its LED (GPIO, -1 when
 * there is none).
 */
public record PadConfig(int pad, int spiBus, int chipSelect, int spiSpeedHz, int resetGpio, int ledGpio) {
}
