package dev.portal.device.command;

import dev.portal.protocol.frame.Report;
import dev.portal.protocol.frame.Status;
import java.util.Optional;

/**
 * What executing one command came to, before it is wrapped into a CommandResult with its correlation id; with
 * a {@code report}, a CommandReport of the same id goes out just before that result.
 */
record Outcome(Status status, String detail, Optional<Report> report) {
    Outcome(Status status, String detail) {
        this(status, detail, Optional.empty());
    }

    static Outcome ok(String detail) {
        return new Outcome(Status.OK, detail);
    }

    static Outcome of(Status status, String detail) {
        return new Outcome(status, detail);
    }

    Outcome with(Report report) {
        return new Outcome(status, detail, Optional.of(report));
    }
}
