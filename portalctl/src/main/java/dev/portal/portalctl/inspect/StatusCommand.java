package dev.portal.portalctl.inspect;

import dev.portal.portalctl.ExitCodes;
import dev.portal.portalctl.cli.BrokerOptions;
import dev.portal.portalctl.cli.DurationConverter;
import dev.portal.portalctl.cli.Output;
import dev.portal.portalctl.link.BrokerConnection;
import dev.portal.portalctl.link.DeviceSession;
import dev.portal.portalctl.link.Portals;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {ExitCodes.OK_TEXT, ExitCodes.FAILURE_TEXT,
        ExitCodes.USAGE_TEXT, ExitCodes.UNREACHABLE_TEXT, ExitCodes.PARTIAL_TEXT},
        name = "status", mixinStandardHelpOptions = true,
        description = "Show a portal's Birth (firmware, capabilities, pads, calibration, config version) and its health"
                + " from the latest heartbeat (the bridge's retained document, else the next live heartbeat).")
public final class StatusCommand implements Callable<Integer> {
    @Mixin
    BrokerOptions broker;
    @Mixin
    Output output;
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DEVICE", description = "Device id.")
    String device;

    @Option(names = "--heartbeat-wait", defaultValue = "5s", converter = DurationConverter.class,
            description = "Without a bridge document, how long to wait for a live heartbeat (default ${DEFAULT-VALUE}; 0 to skip).")
    Duration heartbeatWait;

    @Override
    public Integer call() {
        return output.bind(spec).run(() -> {
            try (BrokerConnection c = BrokerConnection.connect(broker);
                 DeviceSession session = Portals.session(c, device, broker.timeout)) {
                Optional<Map<String, Object>> bridge = Portals.retained(c, "game/portals/" + device, Duration.ofMillis(300));
                @SuppressWarnings("unchecked")
                Optional<Map<String, Object>> health = bridge.map(d -> d.get("health"))
                        .filter(Map.class::isInstance).map(h -> (Map<String, Object>) h);
                return StatusOp.run(session, output, health, heartbeatWait);
            }
        });
    }
}
