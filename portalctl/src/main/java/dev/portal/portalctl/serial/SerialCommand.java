package dev.portal.portalctl.serial;

import dev.portal.portalctl.ExitCodes;
import dev.portal.portalctl.calibrate.CalibrateCommand.CalibrateOptions;
import dev.portal.portalctl.calibrate.CalibrateOp;
import dev.portal.portalctl.cli.DurationConverter;
import dev.portal.portalctl.cli.Output;
import dev.portal.portalctl.config.ConfigOp;
import dev.portal.portalctl.config.ShadowStore;
import dev.portal.portalctl.inspect.StatusOp;
import dev.portal.portalctl.inspect.WatchOp;
import dev.portal.portalctl.link.DeviceSession;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
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
            "  portalctl serial /dev/ttyUSB0 status | calibrate | config get | config set k=v... | watch"})
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

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "serial needs a command after PORT");
    }

    DeviceSession open() {
        return new DeviceSession(SerialPortalLink.open(port, baud), timeout);
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "Birth and live health of the portal on the cable.",
            exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {ExitCodes.OK_TEXT, ExitCodes.USAGE_TEXT, ExitCodes.UNREACHABLE_TEXT})
    static final class Status implements Callable<Integer> {
        @ParentCommand
        SerialCommand parent;
        @Mixin
        Output output;
        @Spec
        CommandSpec spec;
        @Option(names = "--heartbeat-wait", defaultValue = "5s", converter = DurationConverter.class,
                description = "How long to wait for a heartbeat (default ${DEFAULT-VALUE}; 0 to skip).")
        Duration heartbeatWait;

        @Override
        public Integer call() {
            return output.bind(spec).run(() -> {
                try (DeviceSession s = parent.open()) {
                    return StatusOp.run(s, output, Optional.empty(), heartbeatWait);
                }
            });
        }
    }

    @Command(name = "calibrate", mixinStandardHelpOptions = true, description = "Calibrate pads over the cable (see 'portalctl calibrate').",
            exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {ExitCodes.OK_TEXT, ExitCodes.FAILURE_TEXT,
                ExitCodes.USAGE_TEXT, ExitCodes.UNREACHABLE_TEXT, ExitCodes.PARTIAL_TEXT})
    static final class Calibrate implements Callable<Integer> {
        @ParentCommand
        SerialCommand parent;
        @Mixin
        Output output;
        @Mixin
        CalibrateOptions options;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return output.bind(spec).run(() -> {
                try (DeviceSession s = parent.open()) {
                    return CalibrateOp.run(s, output, options.pad, options.gain, options.removalAfter);
                }
            });
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
    static final class ConfigGet implements Callable<Integer> {
        @ParentCommand
        Config config;
        @Mixin
        Output output;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return output.bind(spec).run(() -> {
                try (DeviceSession s = config.parent.open()) {
                    return ConfigOp.get(s, ShadowStore.none(), output);
                }
            });
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true, description = "Change configuration keys over the cable.",
            exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {ExitCodes.OK_TEXT, ExitCodes.FAILURE_TEXT,
                ExitCodes.USAGE_TEXT, ExitCodes.UNREACHABLE_TEXT})
    static final class ConfigSetCmd implements Callable<Integer> {
        @ParentCommand
        Config config;
        @Mixin
        Output output;
        @Spec
        CommandSpec spec;
        @Parameters(arity = "1..*", paramLabel = "KEY=VALUE")
        List<String> assignments;

        @Override
        public Integer call() {
            return output.bind(spec).run(() -> {
                try (DeviceSession s = config.parent.open()) {
                    return ConfigOp.set(s, ShadowStore.none(), output, assignments);
                }
            });
        }
    }

    @Command(name = "watch", mixinStandardHelpOptions = true, description = "Print the frames the portal sends on the cable.",
            exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {ExitCodes.OK_TEXT, ExitCodes.USAGE_TEXT, ExitCodes.UNREACHABLE_TEXT})
    static final class Watch implements Callable<Integer> {
        @ParentCommand
        SerialCommand parent;
        @Mixin
        Output output;
        @Spec
        CommandSpec spec;
        @Option(names = "--count", defaultValue = "0", description = "Stop after N frames (default: until interrupted).")
        long count;
        @Option(names = "--for", converter = DurationConverter.class, description = "Stop after this long.")
        Duration duration;

        @Override
        public Integer call() {
            return output.bind(spec).run(() -> {
                LinkedBlockingQueue<WatchOp.Seen> frames = new LinkedBlockingQueue<>();
                try (SerialPortalLink link = SerialPortalLink.open(parent.port, parent.baud)) {
                    link.open(f -> frames.add(new WatchOp.Seen(parent.port, f)));
                    output.err().println("portalctl: watching " + parent.port + " (Ctrl-C to stop)");
                    output.err().flush();
                    return WatchOp.run(frames, output, count, duration);
                }
            });
        }
    }
}
