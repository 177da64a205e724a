package dev.portal.portalctl.inspect;

import dev.portal.portalctl.ExitCodes;
import dev.portal.portalctl.cli.DurationConverter;
import dev.portal.portalctl.cli.PortalctlException;
import dev.portal.portalctl.link.BrokerCommand;
import dev.portal.portalctl.link.BrokerConnection;
import dev.portal.portalctl.link.TopicFilter;
import dev.portal.protocol.frame.Birth;
import dev.portal.protocol.frame.FrameCodec;
import dev.portal.protocol.frame.FrameException;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {ExitCodes.OK_TEXT, ExitCodes.FAILURE_TEXT,
        ExitCodes.USAGE_TEXT, ExitCodes.UNREACHABLE_TEXT, ExitCodes.PARTIAL_TEXT},
        name = "watch", mixinStandardHelpOptions = true,
        description = "Print a portal's events live (all portals without DEVICE), one readable line each; --json for JSON lines.")
public final class WatchCommand extends BrokerCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "DEVICE", description = "Device id (default: every portal).")
    String device;

    @Option(names = "--count", defaultValue = "0", description = "Stop after N events (default: run until interrupted).")
    long count;

    @Option(names = "--for", converter = DurationConverter.class, description = "Stop after this long (e.g. 30s).")
    Duration duration;

    @Override
    protected int execute() throws Exception {
        if (device != null && !Birth.isValidDeviceId(device)) {
            throw PortalctlException.usage("not a device id: " + device);
        }
        LinkedBlockingQueue<WatchOp.Seen> frames = new LinkedBlockingQueue<>();
        try (BrokerConnection c = BrokerConnection.connect(broker)) {
            java.util.concurrent.atomic.AtomicBoolean connected = new java.util.concurrent.atomic.AtomicBoolean(true);
            c.onConnectionLost(() -> connected.set(false));
            String filter = "portal/" + (device == null ? "+" : device) + "/evt";
            c.subscribe(filter, (topic, payload) -> {
                try {
                    frames.add(new WatchOp.Seen(TopicFilter.level(topic, 1), FrameCodec.decode(payload)));
                } catch (FrameException e) {
                    output.note("undecodable frame on " + topic + ": " + e.reason() + " " + e.getMessage());
                }
            });
            output.note("watching " + filter + " on " + broker.broker + " (Ctrl-C to stop)");
            return WatchOp.run(frames, output, count, duration, connected::get);
        }
    }
}
