package dev.portal.hardware.sim.pn532;

import dev.portal.hardware.pn532.frame.Pn532Frame;

/** What a command handler decided: answer with this frame, or stay silent (the command keeps running). */
sealed interface CommandOutcome {
    record Answer(Pn532Frame frame) implements CommandOutcome {
    }

    /** The chip keeps waiting (a passive activation with infinite retries and no tag); the host must abort. */
    record Pending() implements CommandOutcome {
    }

    static CommandOutcome answer(int command, byte... data) {
        return new Answer(Pn532Frame.Information.response(command + 1, data));
    }

    static CommandOutcome syntaxError() {
        return new Answer(new Pn532Frame.ApplicationError());
    }
}
