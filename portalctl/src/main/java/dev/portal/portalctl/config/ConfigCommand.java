package dev.portal.portalctl.config;

import dev.portal.portalctl.ExitCodes;
import dev.portal.portalctl.link.BrokerCommand;
import dev.portal.portalctl.link.Portals;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "config", mixinStandardHelpOptions = true, subcommands = {ConfigCommand.Get.class, ConfigCommand.Set.class},
        description = "A portal's runtime configuration, desired and reported, with versions (retained on the broker"
                + " as portal/{id}/config/shadow).")
public final class ConfigCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "config needs a subcommand: get or set");
    }

    @Command(name = "get", mixinStandardHelpOptions = true,
            exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {ExitCodes.OK_TEXT, ExitCodes.FAILURE_TEXT,
                ExitCodes.USAGE_TEXT, ExitCodes.UNREACHABLE_TEXT},
            description = "Show desired and reported configuration and what is still pending.")
    static final class Get extends BrokerCommand {
        @Parameters(index = "0", paramLabel = "DEVICE")
        String device;

        @Override
        protected int execute() throws Exception {
            return Portals.withDevice(broker, device,
                    (c, s) -> ConfigOp.get(s, ShadowStore.retained(c, device, broker.timeout), output));
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {ExitCodes.OK_TEXT, ExitCodes.FAILURE_TEXT,
                ExitCodes.USAGE_TEXT, ExitCodes.UNREACHABLE_TEXT},
            description = "Change configuration keys (e.g. pollHz=25 heartbeatSeconds=10); waits until the portal reports the new version.")
    static final class Set extends BrokerCommand {
        @Parameters(index = "0", paramLabel = "DEVICE")
        String device;
        @Parameters(index = "1..*", arity = "1..*", paramLabel = "KEY=VALUE")
        List<String> assignments;

        @Override
        protected int execute() throws Exception {
            return Portals.withDevice(broker, device,
                    (c, s) -> ConfigOp.set(s, ShadowStore.retained(c, device, broker.timeout), output, assignments));
        }
    }
}
