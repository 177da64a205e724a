package dev.portal.portalctl.inspect;

import dev.portal.portalctl.ExitCodes;
import dev.portal.portalctl.cli.Output;
import dev.portal.portalctl.link.DeviceSession;
import dev.portal.protocol.frame.Birth;
import dev.portal.protocol.frame.Heartbeat;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** {@code status}: Birth on request plus the health of the latest heartbeat. Shared by the MQTT and serial paths. */
public final class StatusOp {
    private StatusOp() {
    }

    /**
     * @param lastHealth the health part of the bridge's retained portal document, when there is one
     */
    public static int run(DeviceSession session, Output out, Optional<Map<String, Object>> lastHealth, Duration heartbeatWait)
            throws InterruptedException {
        Birth birth = session.birth();
        StatusReport report;
        if (lastHealth.isPresent() && !lastHealth.get().isEmpty()) {
            report = new StatusReport(birth, lastHealth, "last heartbeat, from the bridge");
        } else {
            Optional<Heartbeat> hb = heartbeatWait.isZero() ? Optional.empty() : session.nextHeartbeat(heartbeatWait);
            report = new StatusReport(birth, hb.map(h -> h.counters().toTree()),
                    hb.isPresent() ? "live heartbeat" : "none within " + DeviceSession.human(heartbeatWait)
                            + "; raise --heartbeat-wait");
        }
        if (out.json()) {
            out.jsonLine(report.toJson());
        } else {
            report.toText().forEach(out::line);
        }
        return ExitCodes.OK;
    }
}
