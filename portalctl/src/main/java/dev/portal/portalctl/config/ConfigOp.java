package dev.portal.portalctl.config;

import dev.portal.portalctl.ExitCodes;
import dev.portal.portalctl.cli.Output;
import dev.portal.portalctl.cli.PortalctlException;
import dev.portal.portalctl.link.DeviceSession;
import dev.portal.protocol.frame.Birth;
import dev.portal.protocol.frame.CommandResult;
import dev.portal.protocol.frame.ConfigReport;
import dev.portal.protocol.frame.ConfigSet;
import dev.portal.protocol.frame.Status;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code config get|set}: desired and reported configuration with versions. {@code set} records the desired
 * entries under the next version, sends a ConfigSet and shows the delta until the portal reports the version
 * (its ConfigReport, its result and its next Birth). A refused change is taken back out of the desired document.
 */
public final class ConfigOp {
    private ConfigOp() {
    }

    public static int get(DeviceSession session, ShadowStore store, Output out) throws InterruptedException {
        Birth birth = session.birth();
        ConfigShadow shadow = store.load().orElse(ConfigShadow.empty()).withReportedVersion(birth.configVersion());
        print(out, session.deviceId(), shadow, null);
        return ExitCodes.OK;
    }

    public static int set(DeviceSession session, ShadowStore store, Output out, List<String> assignments)
            throws InterruptedException {
        Map<String, String> changes = parse(assignments);
        Birth birth = session.birth();
        ConfigShadow before = store.load().orElse(ConfigShadow.empty()).withReportedVersion(birth.configVersion());
        long newest = ConfigSet.isNewer(before.desiredVersion(), birth.configVersion()) ? before.desiredVersion()
                : birth.configVersion();
        long version = ConfigSet.next(newest);
        ConfigShadow wanted = before.withDesired(version, changes);
        store.save(wanted);
        if (!out.json()) {
            out.line("desired v" + version + ": " + changes + "; portal " + session.deviceId() + " reports v" + birth.configVersion());
        }
        DeviceSession.Answer answer = session.ask(new ConfigSet(version, new TreeMap<>(wanted.desired())));
        CommandResult r = answer.result();
        if (r.status() != Status.OK) {
            store.save(before);
            print(out, session.deviceId(), before, r);
            return r.status() == Status.TIMEOUT ? ExitCodes.UNREACHABLE : ExitCodes.FAILURE;
        }
        Optional<ConfigReport> inForce = answer.report().filter(ConfigReport.class::isInstance).map(ConfigReport.class::cast);
        if (inForce.isEmpty() && !out.json()) {
            out.line("the portal sent no config report (older firmware): reported values not updated");
        }
        ConfigShadow after = inForce.map(c -> wanted.withReported(c.version(), c.entries()))
                .orElse(wanted.withReportedVersion(version));
        Optional<Birth> confirmed = Optional.of(session.birth())
                .filter(b -> !ConfigSet.isNewer(version, b.configVersion()));
        after = after.withReportedVersion(confirmed.map(Birth::configVersion).orElse(after.reportedVersion()));
        store.save(after);
        print(out, session.deviceId(), after, r);
        return after.inSync() ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    static Map<String, String> parse(List<String> assignments) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String a : assignments) {
            int eq = a.indexOf('=');
            if (eq <= 0) {
                throw PortalctlException.usage("expected key=value, got '" + a + "'");
            }
            m.put(a.substring(0, eq), a.substring(eq + 1));
        }
        if (m.isEmpty()) {
            throw PortalctlException.usage("config set needs at least one key=value");
        }
        return m;
    }

    private static void print(Output out, String deviceId, ConfigShadow shadow, CommandResult result) {
        if (out.json()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("deviceId", deviceId);
            m.putAll(shadow.toJson());
            if (result != null) {
                m.put("result", Map.of("status", result.status().name(), "detail", result.detail()));
            }
            out.jsonLine(m);
            return;
        }
        if (result != null) {
            out.line("portal answered " + result.status() + ": " + result.detail());
        }
        shadow.toText().forEach(out::line);
    }
}
