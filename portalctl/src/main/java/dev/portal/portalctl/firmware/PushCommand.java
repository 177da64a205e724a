package dev.portal.portalctl.firmware;

import dev.portal.device.firmware.Ed25519Keys;
import dev.portal.device.firmware.FirmwareManifest;
import dev.portal.portalctl.ExitCodes;
import dev.portal.portalctl.cli.DurationConverter;
import dev.portal.portalctl.cli.PortalctlException;
import dev.portal.portalctl.cli.ProgressBar;
import dev.portal.portalctl.link.BrokerCommand;
import dev.portal.link.BrokerLink;
import dev.portal.portalctl.link.Broker;
import dev.portal.portalctl.link.DeviceSession;
import dev.portal.portalctl.link.Portals;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "push",
        exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {ExitCodes.OK_TEXT, ExitCodes.FAILURE_TEXT,
            ExitCodes.USAGE_TEXT, ExitCodes.UNREACHABLE_TEXT, ExitCodes.PARTIAL_TEXT},
        description = {"Signed firmware update over MQTT: a manifest (version, size, SHA-256, Ed25519 signature) and"
                + " numbered chunks that resume after a disconnect. Each portal verifies the image, installs it to its"
                + " inactive slot, restarts, health-checks and commits or rolls back by itself.",
            "With several devices: a staged rollout in batches of --batch percent, stopped once --abort-after"
                + " devices have failed."})
public final class PushCommand extends BrokerCommand {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Parameters(arity = "2..*", paramLabel = "DEVICE... JAR", hideParamSyntax = true,
            description = "Device ids, then the firmware JAR.")
    List<String> args;

    @Option(names = "--key", required = true, paramLabel = "KEY", description = "Ed25519 private key (PKCS#8 PEM, from 'firmware keygen').")
    Path key;

    @Option(names = "--version", paramLabel = "V", description = "Firmware version (default: the JAR's Implementation-Version).")
    String version;

    @Mixin
    ManifestTermsOptions terms;

    @Option(names = "--batch", defaultValue = "100%", paramLabel = "N%", description = "Share of the devices per batch (default ${DEFAULT-VALUE}).")
    String batch;

    @Option(names = "--abort-after", defaultValue = "1", paramLabel = "K",
            description = "Stop the rollout once K devices have failed (default ${DEFAULT-VALUE}).")
    int abortAfter;

    @Option(names = "--chunk-size", defaultValue = "2048", description = "Image bytes per chunk, 256..2048 (default ${DEFAULT-VALUE}).")
    int chunkSize;

    @Option(names = "--window", defaultValue = "8", description = "Chunks in flight per device (default ${DEFAULT-VALUE}).")
    int window;

    @Option(names = "--retries", defaultValue = "5", description = "Resumes after lost answers before a device counts as unreachable (default ${DEFAULT-VALUE}).")
    int retries;

    @Option(names = "--health-timeout", defaultValue = "3m", converter = DurationConverter.class,
            description = "How long a portal has to restart and report healthy (default ${DEFAULT-VALUE}).")
    Duration healthTimeout;

    @Override
    protected int execute() throws Exception {
        List<String> devices = args.subList(0, args.size() - 1);
        Path jar = Path.of(args.get(args.size() - 1));
        if (!batch.matches("\\d{1,3}%?") || Integer.parseInt(batch.replace("%", "")) < 1
                || Integer.parseInt(batch.replace("%", "")) > 100) {
            throw PortalctlException.usage("--batch must be a percentage 1..100, e.g. 25%");
        }
        if (chunkSize < FirmwareManifest.MIN_CHUNK || chunkSize > FirmwareManifest.MAX_CHUNK || window < 1 || abortAfter < 1) {
            throw PortalctlException.usage("--chunk-size must be 256..2048, --window and --abort-after at least 1");
        }
        FirmwareImage image = FirmwareImage.load(jar, version, Ed25519Keys.readPrivate(key), chunkSize,
                terms.securityVersion(), terms.downgrade(devices, java.time.Instant.now()));
        Rollout rollout = new Rollout(Integer.parseInt(batch.replace("%", "")), abortAfter);
        FirmwarePusher pusher = new FirmwarePusher(image, new FirmwarePusher.Settings(window, retries,
                broker.timeout.dividedBy(2), healthTimeout));
        if (!output.json()) {
            output.line("pushing " + image.manifest().version() + " (" + image.manifest().size() + " bytes, sha256 "
                    + image.manifest().sha256Hex().substring(0, 16) + "..., " + image.totalChunks() + " chunks) to "
                    + devices.size() + " portal(s) in batches of " + rollout.batchSize(devices.size()));
        }
        List<PushResult> results;
        try (BrokerLink c = Broker.connect(broker);
             ProgressBar bar = output.progressBar("firmware", image.totalChunks() * devices.size())) {
            Map<String, AtomicLong> held = new java.util.concurrent.ConcurrentHashMap<>();
            results = rollout.run(devices, d -> {
                try (DeviceSession s = Portals.session(c, d, broker.timeout)) {
                    return pusher.push(s, n -> {
                        held.computeIfAbsent(d, k -> new AtomicLong()).set(n);
                        bar.update(held.values().stream().mapToLong(AtomicLong::get).sum());
                    });
                }
            }, r -> {
                if (!output.json()) {
                    output.line(r.text());
                }
            });
        }
        long ok = results.stream().filter(PushResult::ok).count();
        if (output.json()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("version", image.manifest().version());
            m.put("sha256", image.manifest().sha256Hex());
            m.put("committed", ok);
            m.put("devices", results.stream().map(PushResult::toJson).toList());
            output.jsonLine(m);
        } else {
            output.line(ok + " of " + devices.size() + " portal(s) run " + image.manifest().version());
        }
        return exitCode(results);
    }

    /** All committed: 0; some: 4; none: 3 when no device answered, else 1. */
    static int exitCode(List<PushResult> results) {
        long ok = results.stream().filter(PushResult::ok).count();
        if (ok == results.size()) {
            return ExitCodes.OK;
        }
        if (ok > 0) {
            return ExitCodes.PARTIAL;
        }
        boolean allUnreachable = results.stream().allMatch(r -> r.outcome() == PushResult.Outcome.UNREACHABLE
                || r.outcome() == PushResult.Outcome.SKIPPED);
        return allUnreachable ? ExitCodes.UNREACHABLE : ExitCodes.FAILURE;
    }
}
