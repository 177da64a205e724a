package dev.portal.portalctl.inspect;

import dev.portal.portalctl.cli.DurationConverter;
import dev.portal.portalctl.ExitCodes;
import dev.portal.portalctl.link.BrokerCommand;
import dev.portal.link.BrokerLink;
import dev.portal.link.GameTopics;
import dev.portal.link.PortalTopics;
import dev.portal.portalctl.link.Broker;
import dev.portal.portalctl.link.Portals;
import dev.portal.portalctl.link.QuietPeriod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {ExitCodes.OK_TEXT, ExitCodes.FAILURE_TEXT,
        ExitCodes.USAGE_TEXT, ExitCodes.UNREACHABLE_TEXT, ExitCodes.PARTIAL_TEXT},
        name = "devices", mixinStandardHelpOptions = true,
        description = "List the portals the broker knows: their retained status (portal/+/status) and, when the bridge"
                + " runs, its portal documents (game/portals/+).")
public final class DevicesCommand extends BrokerCommand {
    /** Retained documents come in one burst after the subscription; this long without one ends it. */
    private static final Duration QUIET = Duration.ofMillis(300);

    @Option(names = "--wait", defaultValue = "3s", converter = DurationConverter.class,
            description = "At most this long to collect retained documents (default ${DEFAULT-VALUE}); the list is"
                    + " printed as soon as the broker has been quiet for 300 ms.")
    Duration wait;

    @Override
    protected int execute() throws Exception {
        Map<String, Map<String, Object>> seen = new TreeMap<>();
        QuietPeriod burst = new QuietPeriod();
        try (BrokerLink c = Broker.connect(broker)) {
            // Topics naming no valid portal (portal/emoji-🐉/status) are skipped, not shown nor fatal.
            Broker.subscribe(c, PortalTopics.ALL_STATUS, (topic, payload) -> {
                burst.touch();
                PortalTopics.parse(topic).ifPresent(p -> merge(seen, p.device().value(), "status", payload));
            });
            Broker.subscribe(c, GameTopics.ALL_PORTALS, (topic, payload) -> {
                burst.touch();
                GameTopics.parse(topic)
                        .filter(GameTopics.PortalDocument.class::isInstance).map(GameTopics.PortalDocument.class::cast)
                        .ifPresent(p -> merge(seen, p.device().value(), "bridge", payload));
            });
            burst.await(QUIET, wait);
        }
        List<Map<String, Object>> rows;
        synchronized (seen) {
            rows = new ArrayList<>(seen.values());
        }
        if (output.json()) {
            output.jsonLine(rows);
        } else if (rows.isEmpty()) {
            output.line("no portals seen on " + broker.broker);
        } else {
            output.line(String.format("%-24s %-8s %-9s %-12s %s", "DEVICE", "STATE", "BOOT", "FIRMWARE", "LAST SEEN"));
            for (Map<String, Object> r : rows) {
                output.line(String.format("%-24s %-8s %-9s %-12s %s", r.get("deviceId"), r.getOrDefault("state", "?"),
                        r.getOrDefault("bootId", "?"), r.getOrDefault("firmware", "?"), r.getOrDefault("lastSeen", "-")));
            }
        }
        return ExitCodes.OK;
    }

    private static void merge(Map<String, Map<String, Object>> seen, String id, String source, byte[] payload) {
        Portals.parse(payload).ifPresent(doc -> {
            synchronized (seen) {
                Map<String, Object> row = seen.computeIfAbsent(id, k -> new TreeMap<>(Map.of("deviceId", k)));
                if (source.equals("status")) {
                    row.put("state", doc.get("state"));
                    row.put("bootId", doc.get("bootId"));
                } else {
                    row.putIfAbsent("state", Boolean.TRUE.equals(doc.get("online")) ? "online" : "offline");
                    if (doc.get("bootId") instanceof Number n) {
                        row.putIfAbsent("bootId", String.format("%08x", n.longValue()));
                    }
                    if (doc.get("firmware") != null) {
                        row.put("firmware", doc.get("firmware"));
                    }
                    row.put("lastSeen", doc.get("lastSeen"));
                    row.put("health", doc.get("health"));
                }
            }
        });
    }
}
