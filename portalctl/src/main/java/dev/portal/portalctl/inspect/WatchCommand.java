package dev.portal.portalctl.inspect;

import dev.portal.portalctl.ExitCodes;
import dev.portal.portalctl.cli.DurationConverter;
import dev.portal.portalctl.cli.PortalctlException;
import dev.portal.portalctl.link.BrokerCommand;
import dev.portal.link.BrokerLink;
import dev.portal.link.ConnectionListener;
import dev.portal.link.DeviceId;
import dev.portal.link.PortalTopics;
import dev.portal.link.TopicFilter;
import dev.portal.portalctl.link.Broker;
import dev.portal.protocol.frame.Birth;
import dev.portal.protocol.frame.FrameCodec;
import dev.portal.protocol.frame.FrameException;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {ExitCodes.OK_TEXT, ExitCodes.FAILURE_TEXT,
        ExitCodes.USAGE_TEXT, ExitCodes.UNREACHABLE_TEXT, ExitCodes.PARTIAL_TEXT},
        name = "watch", mixinStandardHelpOptions = true,
        description = "Print the frames a portal sends (events, Births, heartbeats, command results; all portals without"
                + " DEVICE) live, one readable line each; --json for JSON lines.")
public final class WatchCommand extends BrokerCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "DEVICE", description = "Device id (default: every portal).")
    String device;

    @Option(names = "--count", defaultValue = "0", description = "Stop after N frames, of any type (default: run until interrupted).")
    long count;

    @Option(names = "--for", converter = DurationConverter.class, description = "Stop after this long (e.g. 30s).")
    Duration duration;

    @Mixin
    ToyKeyOption toyKey;

    @Override
    protected int execute() throws Exception {
        if (device != null && !Birth.isValidDeviceId(device)) {
            throw PortalctlException.usage("not a device id: " + device);
        }
        var key = toyKey.key();
        LinkedBlockingQueue<WatchOp.Seen> frames = new LinkedBlockingQueue<>();
        java.util.concurrent.atomic.AtomicBoolean connected = new java.util.concurrent.atomic.AtomicBoolean(true);
        ConnectionListener lost = new ConnectionListener() {
            @Override
            public void lost(Throwable cause) {
                connected.set(false);
            }
        };
        try (BrokerLink c = Broker.connect(broker, lost)) {
            TopicFilter filter = device == null ? PortalTopics.ALL_EVENTS
                    : TopicFilter.exactly(PortalTopics.evt(DeviceId.of(device)));
            Broker.subscribe(c, filter, (topic, payload) -> {
                var portal = PortalTopics.parse(topic);
                if (portal.isEmpty()) {
                    output.note("ignored a message on " + topic + ": not a portal's topic");
                    return;
                }
                try {
                    frames.add(new WatchOp.Seen(portal.get().device().value(), FrameCodec.decode(payload)));
                } catch (FrameException e) {
                    output.note("undecodable frame on " + topic + ": " + e.reason() + " " + e.getMessage());
                }
            });
            output.note("watching " + filter + " on " + broker.broker + " (Ctrl-C to stop)");
            return WatchOp.run(frames, output, count, duration, connected::get, key);
        }
    }
}
