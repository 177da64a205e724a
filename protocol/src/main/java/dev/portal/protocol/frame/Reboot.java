package dev.portal.protocol.frame;

/** Ask the device to restart its service after answering; the next boot announces itself with a new boot id. */
public record Reboot() implements CommandBody {
}
