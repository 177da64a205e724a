/**
 * PN532 driver: {@link dev.portal.hardware.pn532.Pn532Reader} implements the portal's
 * {@link dev.portal.hardware.reader.NfcReader} on a PN532 reached over HSU (UART, jSerialComm) or I2C (Pi4J).
 *
 * <p>Layers, bottom up: {@code transport} moves bytes and reports a dead link; {@code frame} encodes frames and
 * parses the byte stream (resynchronising after noise); {@link dev.portal.hardware.pn532.Pn532Link} runs one
 * command (ACK, response, resend once, NACK for a corrupt answer); {@code command} encodes commands and decodes
 * answers; the reader, {@link dev.portal.hardware.pn532.TagEnumerator} and the tag session sequence them.
 *
 * <p>{@code model} holds a frame-level PN532 model on the virtual tag layer, served on a pty (for libnfc and
 * our driver) or at an I2C address of the chip-model Pi4J provider; {@code scripts/nfc-model} runs it alone.
 */
package dev.portal.hardware.pn532;
