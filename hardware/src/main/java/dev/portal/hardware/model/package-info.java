/**
 * Software models of the hardware, so that every driver is tested without a Raspberry Pi:
 * {@code model.tag} (virtual NFC tags behaving as their datasheets say), {@code model.rf} (the RF field of an
 * antenna, bit-level collisions, fault injection, the pads of a virtual portal), {@code model.mfrc522} (a
 * register-level MFRC522) and {@code model.pi4j} (Pi4J SPI/I2C providers that lead to chip models, so drivers
 * run through real Pi4J contexts).
 */
package dev.portal.hardware.model;
