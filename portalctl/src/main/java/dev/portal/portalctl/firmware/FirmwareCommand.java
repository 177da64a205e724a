package dev.portal.portalctl.firmware;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "firmware", mixinStandardHelpOptions = true, subcommands = {KeygenCommand.class, PushCommand.class},
        description = "Signed firmware updates: 'keygen' makes the fleet's signing key, 'push' updates portals.")
public final class FirmwareCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "firmware needs a subcommand: keygen or push");
    }
}
