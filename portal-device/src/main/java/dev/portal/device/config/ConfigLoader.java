package dev.portal.device.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portal.device.mqtt.MqttSettings;
import dev.portal.link.TlsConfig;
import dev.portal.device.outbox.OutboxSettings;
import dev.portal.protocol.frame.AntennaGain;
import dev.portal.protocol.frame.Birth;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Loads portal.json and checks all of it before the service starts: every problem becomes one line of the
 * {@link ConfigException}. Relative paths are resolved against the config file's folder; state, outbox and
 * firmware default to folders of {@code dataDirectory} (itself by default the config file's folder). See the module's
 * README section "Configuration" for every setting.
 */
public final class ConfigLoader {
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * A portal.json written before protocol 1.1 names the fleet key. Refused rather than ignored: a key left on
     * a portal is a key that can be stolen from it, and the person upgrading needs to know where it goes now.
     */
    static final String NO_TOY_KEY = "fleetKeyFile: portals hold no toy key since protocol 1.1 (the host judges"
            + " and signs toy records); remove the setting and the key file from the portal, the key belongs on the"
            + " host (host bridge --toy-key-file)";

    private ConfigLoader() {
    }

    public static DeviceConfig load(Path file) throws ConfigException {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            throw new ConfigException(List.of(file + ": not valid JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage()));
        } catch (IOException e) {
            throw new ConfigException(List.of(file + ": cannot read: " + e));
        }
        Path base = file.toAbsolutePath().getParent();
        return fromTree(root, base);
    }

    public static DeviceConfig fromTree(JsonNode root, Path base) throws ConfigException {
        List<String> problems = new ArrayList<>();
        if (root == null || !root.isObject()) {
            throw new ConfigException(List.of("the configuration must be a JSON object"));
        }
        JsonFields top = new JsonFields(root, "", problems);
        top.rejectUnknown(Set.of("deviceId", "mqtt", "outbox", "fleetKeyFile", "stateDirectory", "pollHz",
                "heartbeatSeconds", "removalMissThreshold", "antennaGainDb", "maxToys", "pads", "dataDirectory",
                "firmware", "serial"));
        String deviceId = top.text("deviceId", "portal", true);
        if (!Birth.isValidDeviceId(deviceId)) {
            problems.add("deviceId must be 1..64 characters of A-Z a-z 0-9 . _ -, not '" + deviceId + "'");
        }
        Path data = base.resolve(top.text("dataDirectory", ".", false)).normalize();
        MqttSettings mqtt = mqtt(top.object("mqtt"), deviceId, base);
        OutboxSettings outbox = outbox(top.object("outbox"), base, data);
        if (top.raw("fleetKeyFile") != null) {
            problems.add(NO_TOY_KEY);
        }
        Path state = top.optText("stateDirectory").map(base::resolve).orElse(data.resolve("state"));
        FirmwareConfig firmware = FirmwareConfig.parse(top.object("firmware"), base, data);
        Optional<SerialConfig> serial = SerialConfig.parse(top.object("serial"), base);
        RuntimeSettings rt = new RuntimeSettings(0,
                top.integer("pollHz", 20, 1, 100),
                top.integer("heartbeatSeconds", 30, 1, 3600),
                top.integer("removalMissThreshold", 3, 1, 255),
                top.integer("antennaGainDb", 33, AntennaGain.MIN_DB, AntennaGain.MAX_DB));
        int maxToys = top.integer("maxToys", 8, 1, 255);
        List<PadConfig> pads = new PadsParser(top, problems).parse();
        serial.ifPresent(console -> pads.stream().filter(p -> p.reader() instanceof ReaderWiring.Pn532Uart u
                && u.port().equals(console.port())).forEach(p -> problems.add("pads[" + p.pad() + "]: "
                + p.reader().describe() + " is also serial.port, the technician's console; give each its own port")));
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new DeviceConfig(deviceId, mqtt, outbox, state, rt, maxToys, pads, data, firmware, serial);
    }

    private static MqttSettings mqtt(JsonFields f, String deviceId, Path base) {
        f.rejectUnknown(Set.of("uri", "clientId", "username", "password", "passwordFile", "tls", "keepAliveSeconds",
                "connectTimeoutSeconds", "maxInflight", "backoffMinMillis", "backoffMaxMillis"));
        String uri = f.text("uri", "tcp://127.0.0.1:1883", false);
        try {
            String scheme = URI.create(uri).getScheme();
            if (!"tcp".equals(scheme) && !"ssl".equals(scheme)) {
                f.problems().add("mqtt.uri must start with tcp:// or ssl://, not '" + uri + "'");
            }
        } catch (IllegalArgumentException e) {
            f.problems().add("mqtt.uri is not a URI: '" + uri + "'");
        }
        Optional<char[]> password = f.optText("password").map(String::toCharArray);
        Optional<String> pwFile = f.optText("passwordFile");
        if (pwFile.isPresent()) {
            try {
                password = Optional.of(Files.readString(base.resolve(pwFile.get())).strip().toCharArray());
            } catch (IOException e) {
                f.problems().add("mqtt.passwordFile: cannot read " + base.resolve(pwFile.get()));
            }
        }
        Optional<TlsConfig> tls = Optional.empty();
        if (f.raw("tls") != null) {
            tls = Optional.of(tls(f.object("tls"), base));
        } else if (uri.startsWith("ssl://")) {
            tls = Optional.of(TlsConfig.jvmDefaults());
        }
        long backoffMin = f.number("backoffMinMillis", 500, 10, 600_000);
        long backoffMax = f.number("backoffMaxMillis", 30_000, 10, 3_600_000);
        if (backoffMax < backoffMin) {
            f.problems().add("mqtt.backoffMaxMillis must not be below mqtt.backoffMinMillis");
        }
        return new MqttSettings(uri, f.text("clientId", "portal-" + deviceId, false), f.optText("username"), password,
                tls, Duration.ofSeconds(f.integer("keepAliveSeconds", 30, 5, 3600)),
                Duration.ofSeconds(f.integer("connectTimeoutSeconds", 10, 1, 120)),
                f.integer("maxInflight", 32, 4, 1000), Duration.ofMillis(backoffMin), Duration.ofMillis(backoffMax));
    }

    private static TlsConfig tls(JsonFields f, Path base) {
        Set<String> keys = Set.of("caPem", "certPem", "keyPem", "trustStore", "trustStorePassword", "keyStore",
                "keyStorePassword");
        f.rejectUnknown(keys);
        Optional<Path> ca = file(f, "caPem", base);
        Optional<Path> cert = file(f, "certPem", base);
        Optional<Path> key = file(f, "keyPem", base);
        if (cert.isPresent() != key.isPresent()) {
            f.problems().add("mqtt.tls: certPem and keyPem go together");
            cert = Optional.empty(); // the problem above rejects the file; this only keeps the value valid
            key = Optional.empty();
        }
        return new TlsConfig(ca, cert, key, file(f, "trustStore", base),
                f.optText("trustStorePassword").map(String::toCharArray), file(f, "keyStore", base),
                f.optText("keyStorePassword").map(String::toCharArray));
    }

    private static Optional<Path> file(JsonFields f, String field, Path base) {
        Optional<Path> p = f.optText(field).map(base::resolve);
        p.filter(x -> !Files.isReadable(x)).ifPresent(x -> f.problems().add("mqtt.tls." + field + ": cannot read " + x));
        return p;
    }

    private static OutboxSettings outbox(JsonFields f, Path base, Path data) {
        f.rejectUnknown(Set.of("directory", "segmentBytes", "maxBytes", "syncIntervalMillis", "syncBatch",
                "keepDeliveredBytes"));
        int segment = f.integer("segmentBytes", 1 << 20, 4096, 64 << 20);
        long max = f.number("maxBytes", 64L << 20, 16384, 1L << 40);
        if (max < 4L * segment) {
            f.problems().add("outbox.maxBytes must be at least 4 x outbox.segmentBytes (" + 4L * segment + ")");
            max = 4L * segment;
        }
        Path dir = f.optText("directory").map(base::resolve).orElse(data.resolve("outbox"));
        return new OutboxSettings(dir, segment, max,
                Duration.ofMillis(f.integer("syncIntervalMillis", 50, 0, 10_000)), f.integer("syncBatch", 64, 1, 100_000),
                Duration.ofMillis(100), f.number("keepDeliveredBytes", 2L * segment, 0, max / 2));
    }
}
