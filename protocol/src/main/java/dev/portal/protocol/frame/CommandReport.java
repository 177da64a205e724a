package dev.portal.protocol.frame;

/**
 * Typed data about one command's outcome, sent by the device just before that command's {@link CommandResult}
 * and correlated by the same id: what a program reads, where the result's detail is for people.
 *
 * @param correlationId the command's correlation id, u32
 * @param report        what the command found or put in force
 */
public record CommandReport(long correlationId, Report report) implements Message {
    public CommandReport {
        Check.u32("correlationId", correlationId);
        Check.present("report", report);
    }
}
