/**
 * The NXP MFRC522 driver on Pi4J SPI: register map ({@code Mfrc522Registers}), register access
 * ({@code RegisterBus}), interrupt polling that sleeps ({@code IrqPoller}), frame exchange with the chip's timer
 * and CRC coprocessor ({@code Mfrc522Transceiver}), chip control ({@code ChipControl}), and the
 * {@link dev.portal.hardware.reader.NfcReader} tying them together ({@code Mfrc522Reader}); one reader per pad,
 * opened on the chip selects of one Pi4J context by {@code Mfrc522ReaderFactory}.
 */
package dev.portal.hardware.mfrc522;
