package dev.portal.protocol.frame;

/**
 * A host-to-device request. The device answers every Command, once, with a CommandResult that carries the same
 * correlation id (also for kinds it does not know: UNKNOWN_COMMAND).
 *
 * @param correlationId u32 chosen by the sender, unique among its commands in flight
 * @param body          what to do
 */
public record Command(long correlationId, CommandBody body) implements Message {
    public Command {
        Check.u32("correlationId", correlationId);
        Check.present("body", body);
    }
}
