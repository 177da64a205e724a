package dev.portal.protocol.frame;

/** Ask the device to send its Birth again (e.g. after the bridge restarted and lost its bindings). */
public record Rebirth() implements CommandBody {
}
