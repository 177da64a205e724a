/**
 * Pad lights and buttons on Pi4J GPIO (gpiod on the Pi, the mock provider in tests): {@code PadLed} with colours
 * and effects, {@code PadButton} with a listener, and {@code PadIoFactory} to open them by BCM pin.
 */
package dev.portal.hardware.gpio;
