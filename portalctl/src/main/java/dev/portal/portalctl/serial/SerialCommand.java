package dev.portal.portalctl.serial;

import dev.portal.portalctl.ExitCodes;
import dev.portal.portalctl.calibrate.CalibrateCommand.CalibrateOptions;
import dev.portal.portalctl.calibrate.CalibrateOp;
import dev.portal.portalctl.cli.DurationConverter;
import dev.portal.portalctl.cli.ToolCommand;
import dev.portal.portalctl.config.ConfigOp;
import dev.portal.portalctl.config.ShadowStore;
import dev.portal.portalctl.inspect.StatusOp;
import dev.portal.portalctl.inspect.ToyKeyOption;
import dev.portal.portalctl.inspect.WatchOp;
import dev.portal.portalctl.link.DeviceSession;
import dev.portal.portalctl.cli.PortalctlException;
import dev.portal.protocol.frame.CommandResult;
import dev.portal.protocol.frame.PresentToken;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "serial", mixinStandardHelpOptions = true,
        subcommands = {SerialCommand.Status.class, SerialCommand.Calibrate.class, SerialCommand.Config.class,
            SerialCommand.Watch.class},
        description = {"The same commands over a serial cable (COBS-framed frames) for a portal without network:",
            "  portalctl serial /dev/ttyUSB0 [--token FILE] status | calibrate | config get | config set k=v... | watch",
            "Without a technician token the cable only reads (status, watch); see 'portalctl token'."})
public final class SerialCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PORT", description = "Serial device, e.g. /dev/ttyUSB0.")
    String port;

    @Option(names = "--baud", defaultValue = "115200", description = "Line speed (default ${DEFAULT-VALUE}).")
    int baud;

    @Option(names = "--timeout", defaultValue = "10s", converter = DurationConverter.class,
            description = "How long to wait for each answer (default ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--token", paramLabel = "FILE",
            description = "A technician token ('portalctl token make'), presented first: it lets this run change things.")
    Path token;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "serial needs a command after PORT");
    }

    /** What a subcommand does with the portal on the cable. */
    @FunctionalInterface
    interface CableWork {
        int run(DeviceSession session) throws Exception;
    }

    /** Runs a subcommand's work in a session over this cable (token presented first), closing the port whatever happens. */
    int onCable(CableWork work) throws Exception {
        String presented = token == null ? null : Files.readString(token);
        try (DeviceSession s = new DeviceSession(SerialPortalLink.open(port, baud), timeout)) {
            if (presented != null) {
                present(s, presented);
            }
            return work.run(s);
        }
    }

    /** A refused token ends the run: what follows would only be refused too, with a less helpful reason. */
    private static void present(DeviceSession s, String text) throws InterruptedException {
        CommandResult r = s.request(new PresentToken(text.strip() + "\n"));
        if (r.status() != dev.portal.protocol.frame.Status.OK && r.status() != dev.portal.protocol.frame.Status.UNKNOWN_COMMAND) {
            throw PortalctlException.failure("the portal refused the technician token: " + r.detail());
        }
        // UNKNOWN_COMMAND: firmware from before tokens, whose cable is not read-only; carry on.
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "Birth and live health of the portal on the cable.",
            exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {ExitCodes.OK_TEXT, ExitCodes.USAGE_TEXT, ExitCodes.UNREACHABLE_TEXT})
    static final class Status extends ToolCommand {
        @ParentCommand
        SerialCommand parent;
        @Option(names = "--heartbeat-wait", defaultValue = "5s", converter = DurationConverter.class,
                description = "How long to wait for a heartbeat (default ${DEFAULT-VALUE}; 0 to skip).")
        Duration heartbeatWait;

        @Override
        protected int execute() throws Exception {
            return parent.onCable(s -> StatusOp.run(s, output, Optional.empty(), heartbeatWait));
        }
    }

    @Command(name = "calibrate", mixinStandardHelpOptions = true, description = "Calibrate pads over the cable (see 'portalctl calibrate').",
            exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {ExitCodes.OK_TEXT, ExitCodes.FAILURE_TEXT,
                ExitCodes.USAGE_TEXT, ExitCodes.UNREACHABLE_TEXT, ExitCodes.PARTIAL_TEXT})
    static final class Calibrate extends ToolCommand {
        @ParentCommand
        SerialCommand parent;
        @Mixin
        CalibrateOptions options;

        @Override
        protected int execute() throws Exception {
            return parent.onCable(s -> CalibrateOp.run(s, output, options.pad, options.gain, options.removalAfter));
        }
    }

    @Command(name = "config", mixinStandardHelpOptions = true, subcommands = {ConfigGet.class, ConfigSetCmd.class},
            description = "Configuration over the cable: get, or set KEY=VALUE...")
    static final class Config implements Runnable {
        @ParentCommand
        SerialCommand parent;
        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            throw new CommandLine.ParameterException(spec.commandLine(), "config needs get or set");
        }
    }

    @Command(name = "get", mixinStandardHelpOptions = true, description = "The configuration version the portal reports.",
            exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {ExitCodes.OK_TEXT, ExitCodes.USAGE_TEXT, ExitCodes.UNREACHABLE_TEXT})
    static final class ConfigGet extends ToolCommand {
        @ParentCommand
        Config config;

        @Override
        protected int execute() throws Exception {
            return config.parent.onCable(s -> ConfigOp.get(s, ShadowStore.none(), output));
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true, description = "Change configuration keys over the cable.",
            exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {ExitCodes.OK_TEXT, ExitCodes.FAILURE_TEXT,
                ExitCodes.USAGE_TEXT, ExitCodes.UNREACHABLE_TEXT})
    static final class ConfigSetCmd extends ToolCommand {
        @ParentCommand
        Config config;
        @Parameters(arity = "1..*", paramLabel = "KEY=VALUE")
        List<String> assignments;

        @Override
        protected int execute() throws Exception {
            return config.parent.onCable(s -> ConfigOp.set(s, ShadowStore.none(), output, assignments));
        }
    }

    @Command(name = "watch", mixinStandardHelpOptions = true, description = "Print the frames the portal sends on the cable.",
            exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {ExitCodes.OK_TEXT, ExitCodes.USAGE_TEXT, ExitCodes.UNREACHABLE_TEXT})
    static final class Watch extends ToolCommand {
        @ParentCommand
        SerialCommand parent;
        @Option(names = "--count", defaultValue = "0", description = "Stop after N frames (default: until interrupted).")
        long count;
        @Option(names = "--for", converter = DurationConverter.class, description = "Stop after this long.")
        Duration duration;
        @Mixin
        ToyKeyOption toyKey;

        @Override
        protected int execute() throws Exception {
            LinkedBlockingQueue<WatchOp.Seen> frames = new LinkedBlockingQueue<>();
            var key = toyKey.key();
            try (SerialPortalLink link = SerialPortalLink.open(parent.port, parent.baud)) {
                link.open(f -> frames.add(new WatchOp.Seen(parent.port, f)));
                output.note("watching " + parent.port + " (Ctrl-C to stop)");
                return WatchOp.run(frames, output, count, duration, key);
            }
        }
    }
}
