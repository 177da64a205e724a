package dev.portal.portalctl.provision;

import dev.portal.portalctl.ExitCodes;
import dev.portal.portalctl.cli.DurationConverter;
import dev.portal.portalctl.cli.PortalctlException;
import dev.portal.portalctl.cli.ProgressBar;
import dev.portal.portalctl.cli.ToyKeyFile;
import dev.portal.portalctl.link.BrokerCommand;
import dev.portal.portalctl.link.DeviceSession;
import dev.portal.portalctl.link.FrameStream;
import dev.portal.portalctl.link.Portals;
import dev.portal.protocol.frame.Birth;
import dev.portal.protocol.frame.Capability;
import dev.portal.protocol.toy.CoCreation;
import dev.portal.protocol.toy.Colours;
import dev.portal.protocol.toy.FleetKey;
import dev.portal.protocol.toy.ToyRecord;
import dev.portal.protocol.toy.Upgrades;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "provision", mixinStandardHelpOptions = true,
        exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {ExitCodes.OK_TEXT, ExitCodes.FAILURE_TEXT,
            ExitCodes.USAGE_TEXT, ExitCodes.UNREACHABLE_TEXT, ExitCodes.PARTIAL_TEXT},
        description = {"Factory line: flash signed toy records onto blank tags laid one after another on a portal.",
            "The factory holds the toy key (--toy-key-file; no portal does): each BLANK tag the portal reports gets"
                + " a record signed with it, which the portal writes (WriteArea) and reads back, verified here with the"
                + " key; a tag that already carries a record is refused unless --force. Ends with a summary."})
public final class ProvisionCommand extends BrokerCommand {
    @Parameters(index = "0", paramLabel = "DEVICE", description = "Device id of the portal on the line.")
    String device;

    @Option(names = "--toy", required = true, paramLabel = "TYPE", description = "Toy type, 0..65535.")
    int toyType;

    @Option(names = "--variant", required = true, paramLabel = "V", description = "Variant, 0..255.")
    int variant;

    @Option(names = "--count", defaultValue = "1", paramLabel = "N", description = "Tags to write (default ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--force", description = "Overwrite tags that already carry a record.")
    boolean force;

    @Option(names = "--name", defaultValue = "", description = "Factory name written into the record (default: none).")
    String name;

    @Option(names = "--toy-key-file", required = true, paramLabel = "FILE",
            description = "The toy key the records are signed with (64 hex digits or 32 bytes).")
    Path toyKeyFile;

    @Option(names = "--web-code", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Give each written toy a web code, register its digest with the bridge and print it"
                + " (default); --no-web-code for a line without a bridge: those toys cannot be claimed.")
    boolean webCode;

    @Option(names = "--idle-timeout", defaultValue = "5m", converter = DurationConverter.class,
            description = "Give up when no new tag is laid for this long (default ${DEFAULT-VALUE}).")
    Duration idle;

    @Override
    protected int execute() throws Exception {
        ToyRecord record;
        try {
            record = new ToyRecord(toyType, variant, new CoCreation(name, new Colours(0, 0, 0), Upgrades.NONE, 0, 1));
        } catch (IllegalArgumentException e) {
            throw PortalctlException.usage(e.getMessage());
        }
        if (count < 1) {
            throw PortalctlException.usage("--count must be at least 1");
        }
        FleetKey key = ToyKeyFile.read(toyKeyFile);
        return Portals.withDevice(broker, device, (c, session) -> {
            Optional<WebCodeRegistrar> codes = webCode
                    ? Optional.of(new WebCodeRegistrar(c, broker.timeout, new SecureRandom())) : Optional.empty();
            try {
                return provision(session, record, key, codes);
            } finally {
                codes.ifPresent(WebCodeRegistrar::close);
            }
        });
    }

    private int provision(DeviceSession session, ToyRecord record, FleetKey key, Optional<WebCodeRegistrar> codes)
            throws InterruptedException {
        try (FrameStream stream = session.stream()) {
            Birth birth = session.birth();
            if (!birth.capabilities().contains(Capability.HOST_JUDGED)) {
                throw PortalctlException.failure(device + " does not take host-signed writes (no HOST_JUDGED"
                        + " capability: firmware older than protocol 1.1); update it first");
            }
            String prompt = "lay " + count + " blank tag(s) on " + device + ", one after another; writing toy type "
                    + toyType + " variant " + variant;
            if (output.json()) {
                output.note(prompt);
            } else {
                output.line(prompt);
            }
            Provisioner p = new Provisioner(session, record, force, broker.timeout.plusSeconds(20), key, codes);
            boolean complete;
            try (ProgressBar bar = output.progressBar("provision", count)) {
                complete = p.run(stream, count, idle, e -> {
                    if (output.json()) {
                        Map<String, Object> line = new LinkedHashMap<>();
                        line.put("uid", e.uid());
                        line.put("outcome", e.outcome());
                        line.put("detail", e.detail());
                        e.webCode().ifPresent(code -> line.put("webCode", code.printed()));
                        output.jsonLine(line);
                    } else {
                        // One line per toy, its web code (for the box) right after the outcome.
                        output.line(e.uid() + "  " + e.outcome() + e.webCode().map(c -> "  web code " + c.printed())
                                .orElse("") + "  " + e.detail());
                    }
                    bar.update(p.written());
                });
            }
            return summarize(p, complete);
        }
    }

    /** Prints the summary; the exit status tells a full run from a partial one and from a portal that saw no tag. */
    private int summarize(Provisioner p, boolean complete) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("written", p.written());
        summary.put("refused", p.refused());
        summary.put("failed", p.failed());
        summary.put("requested", count);
        summary.put("complete", complete);
        if (output.json()) {
            output.jsonLine(summary);
        } else {
            output.line("summary: written " + p.written() + " of " + count + ", refused " + p.refused()
                    + ", failed " + p.failed() + (complete ? "" : " (stopped: no new tag for " + DeviceSession.human(idle) + ")"));
        }
        if (complete && p.refused() == 0 && p.failed() == 0) {
            return ExitCodes.OK;
        }
        if (p.written() + p.refused() + p.failed() == 0) {
            return ExitCodes.UNREACHABLE;
        }
        return ExitCodes.PARTIAL;
    }
}
