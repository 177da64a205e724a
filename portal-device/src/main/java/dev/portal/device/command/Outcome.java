package dev.portal.device.command;

import dev.portal.protocol.frame.Status;

/** What executing one command came to, before it is wrapped into a CommandResult with its correlation id. */
record Outcome(Status status, String detail) {
    static Outcome ok(String detail) {
        return new Outcome(Status.OK, detail);
    }

    static Outcome of(Status status, String detail) {
        return new Outcome(status, detail);
    }
}
