package dev.portal.portalctl.config;

import dev.portal.portalctl.ExitCodes;
import dev.portal.portalctl.cli.BrokerOptions;
import dev.portal.portalctl.cli.Output;
import dev.portal.portalctl.link.BrokerConnection;
import dev.portal.portalctl.link.DeviceSession;
import dev.portal.portalctl.link.Portals;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
    static final class Get implements Callable<Integer> {
        @Mixin
        BrokerOptions broker;
        @Mixin
        Output output;
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "DEVICE")
        String device;

        @Override
        public Integer call() {
            return output.bind(spec).run(() -> {
                try (BrokerConnection c = BrokerConnection.connect(broker);
                     DeviceSession s = Portals.session(c, device, broker.timeout)) {
                    return ConfigOp.get(s, ShadowStore.retained(c, device), output);
                }
            });
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {ExitCodes.OK_TEXT, ExitCodes.FAILURE_TEXT,
                ExitCodes.USAGE_TEXT, ExitCodes.UNREACHABLE_TEXT},
            description = "Change configuration keys (e.g. pollHz=25 heartbeatSeconds=10); waits until the portal reports the new version.")
    static final class Set implements Callable<Integer> {
        @Mixin
        BrokerOptions broker;
        @Mixin
        Output output;
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "DEVICE")
        String device;
        @Parameters(index = "1..*", arity = "1..*", paramLabel = "KEY=VALUE")
        List<String> assignments;

        @Override
        public Integer call() {
            return output.bind(spec).run(() -> {
                try (BrokerConnection c = BrokerConnection.connect(broker);
                     DeviceSession s = Portals.session(c, device, broker.timeout)) {
                    return ConfigOp.set(s, ShadowStore.retained(c, device), output, assignments);
                }
            });
        }
    }
}
