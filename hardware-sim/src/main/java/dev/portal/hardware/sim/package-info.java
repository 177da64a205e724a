/**
 * Software models of the hardware, so that every driver is tested without a Raspberry Pi, and so that the
 * service can run as a simulated portal ({@code --simulate}): {@code sim.tag} (virtual NFC tags behaving as
 * their datasheets say), {@code sim.rf} (the RF field of an antenna, bit-level collisions, fault injection, the
 * pads of a virtual portal), {@code sim.mfrc522} and {@code sim.pn532} (the two reader chips, side by side) and
 * {@code sim.pi4j} (Pi4J SPI/I2C providers that lead to chip models, so drivers run through real Pi4J contexts).
 * A module of its own so that no model class ends up in a jar installed on a portal.
 */
package dev.portal.hardware.sim;
