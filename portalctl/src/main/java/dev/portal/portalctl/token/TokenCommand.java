package dev.portal.portalctl.token;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "token", mixinStandardHelpOptions = true, subcommands = {TokenKeygenCommand.class, MakeTokenCommand.class},
        description = {"Technician tokens, which open a portal's serial cable to changes (without one it only reads):",
            "'keygen' makes the technician key, 'make' signs a token for 'portalctl serial PORT --token FILE ...'."})
public final class TokenCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "token needs a subcommand: keygen or make");
    }
}
