package dev.portal.portalctl.inspect;

import dev.portal.portalctl.ExitCodes;
import dev.portal.portalctl.cli.DurationConverter;
import dev.portal.portalctl.link.BrokerCommand;
import dev.portal.link.BrokerLink;
import dev.portal.link.DeviceId;
import dev.portal.link.GameTopics;
import dev.portal.portalctl.link.Portals;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {ExitCodes.OK_TEXT, ExitCodes.FAILURE_TEXT,
        ExitCodes.USAGE_TEXT, ExitCodes.UNREACHABLE_TEXT, ExitCodes.PARTIAL_TEXT},
        name = "status", mixinStandardHelpOptions = true,
        description = "Show a portal's Birth (firmware, capabilities, pads, calibration, config version) and its health"
                + " from the latest heartbeat (the bridge's retained document, else the next live heartbeat).")
public final class StatusCommand extends BrokerCommand {
    @Parameters(index = "0", paramLabel = "DEVICE", description = "Device id.")
    String device;

    @Option(names = "--heartbeat-wait", defaultValue = "5s", converter = DurationConverter.class,
            description = "Without a bridge document, how long to wait for a live heartbeat (default ${DEFAULT-VALUE}; 0 to skip).")
    Duration heartbeatWait;

    @Override
    protected int execute() throws Exception {
        return Portals.withDevice(broker, device,
                (c, session) -> StatusOp.run(session, output, bridgeHealth(c), heartbeatWait));
    }

    /** The health in the bridge's retained document, when a bridge runs and has seen a heartbeat. */
    @SuppressWarnings("unchecked")
    private Optional<Map<String, Object>> bridgeHealth(BrokerLink c) throws InterruptedException {
        Optional<Map<String, Object>> bridge = Portals.retained(c, GameTopics.portal(DeviceId.of(device)),
                Duration.ofMillis(300));
        return bridge.map(d -> d.get("health")).filter(Map.class::isInstance).map(h -> (Map<String, Object>) h);
    }
}
