/**
 * PN532 driver: {@link dev.portal.hardware.pn532.Pn532Reader} implements the portal's
 * {@link dev.portal.hardware.reader.NfcReader} on a PN532 reached over HSU (UART, jSerialComm) or I2C (Pi4J).
 *
 * <p>Layers, bottom up: {@code transport} moves bytes and reports a dead link; {@code frame} encodes frames and
 * parses the byte stream (resynchronising after noise); {@code link.Pn532Link} runs one
 * command (ACK, response, resend once, NACK for a corrupt answer); {@code command} encodes commands and decodes
 * answers; the reader, {@link dev.portal.hardware.pn532.TagEnumerator} and the tag session sequence them.
 *
 * <p>The PN532 model that these layers are tested against is in the hardware-sim module
 * ({@code dev.portal.hardware.sim.pn532}); {@code scripts/nfc-model} runs it alone.
 */
package dev.portal.hardware.pn532;
