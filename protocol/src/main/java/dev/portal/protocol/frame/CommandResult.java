package dev.portal.protocol.frame;

/**
 * The device's answer to one Command.
 *
 * @param correlationId the command's correlation id, u32
 * @param status        outcome
 * @param detail        human-readable detail, at most {@link Limits#MAX_DETAIL} UTF-8 bytes (may be empty)
 */
public record CommandResult(long correlationId, Status status, String detail) implements Message {
    public CommandResult {
        Check.u32("correlationId", correlationId);
        Check.present("status", status);
        Check.text("detail", detail, Limits.MAX_DETAIL);
    }
}
