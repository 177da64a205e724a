package dev.portal.portalctl;

import dev.portal.portalctl.frame.DecodeCommand;
import dev.portal.portalctl.frame.EncodeCommand;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The technician's command line. Each subcommand is a class of its own in a package named after what it
 * deals with (frame/, inspect/, provision/, calibrate/, config/, firmware/, serial/, token/, identify/); adding one means adding it
 * to {@code subcommands} below. Exit codes: {@link ExitCodes}.
 */
@Command(name = "portalctl", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Inspect and control Portal devices and their wire frames.",
        subcommands = {DecodeCommand.class, EncodeCommand.class, CommandLine.HelpCommand.class,
            dev.portal.portalctl.inspect.DevicesCommand.class,
            dev.portal.portalctl.inspect.StatusCommand.class,
            dev.portal.portalctl.inspect.WatchCommand.class,
            dev.portal.portalctl.provision.ProvisionCommand.class,
            dev.portal.portalctl.calibrate.CalibrateCommand.class,
            dev.portal.portalctl.config.ConfigCommand.class,
            dev.portal.portalctl.firmware.FirmwareCommand.class,
            dev.portal.portalctl.serial.SerialCommand.class,
            dev.portal.portalctl.token.TokenCommand.class,
            dev.portal.portalctl.identify.IdentifyCommand.class,
        },
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK_TEXT, ExitCodes.FAILURE_TEXT, ExitCodes.USAGE_TEXT, ExitCodes.UNREACHABLE_TEXT,
            ExitCodes.PARTIAL_TEXT})
public final class PortalCtl implements Runnable {
    @Spec
    CommandSpec spec;

    private final InputStream stdin;

    public PortalCtl(InputStream stdin) {
        this.stdin = stdin;
    }

    /** Standard input as the subcommands see it (tests pass their own). */
    public InputStream stdin() {
        return stdin;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    /** A command line with the project's exit-code conventions, writing to the given streams. */
    public static CommandLine commandLine(InputStream in, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new PortalCtl(in));
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof BadInputException) {
                commandLine.getErr().println("portalctl: " + ex.getMessage());
                return ExitCodes.BAD_INPUT;
            }
            if (ex instanceof java.io.IOException) {
                // An unreadable input file or stream: the user's input, not a bug, so no stack trace.
                commandLine.getErr().println("portalctl: cannot read input: " + ex);
                return ExitCodes.BAD_INPUT;
            }
            throw ex;
        });
        return cl;
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int code = commandLine(System.in, out, err).execute(args);
        out.flush();
        err.flush();
        System.exit(code);
    }
}
