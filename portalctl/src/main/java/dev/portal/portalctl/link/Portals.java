package dev.portal.portalctl.link;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portal.link.BrokerLink;
import dev.portal.link.DeviceId;
import dev.portal.link.PortalTopics;
import dev.portal.link.Topic;
import dev.portal.link.TopicFilter;
import dev.portal.portalctl.cli.BrokerOptions;
import dev.portal.portalctl.cli.PortalctlException;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Helpers for the MQTT side: sessions to portals and the retained documents about them. */
public final class Portals {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Portals() {
    }

    /** A command's work with one portal; it also gets the connection, for the retained documents about it. */
    @FunctionalInterface
    public interface DeviceWork {
        int run(BrokerLink broker, DeviceSession session) throws Exception;
    }

    /** Connects, opens a session with {@code deviceId}, runs {@code work}, and closes both whatever happens. */
    public static int withDevice(BrokerOptions options, String deviceId, DeviceWork work) throws Exception {
        try (BrokerLink c = Broker.connect(options);
             DeviceSession session = session(c, deviceId, options.timeout)) {
            return work.run(c, session);
        }
    }

    /**
     * A session with a portal. A portal whose retained status says "offline" is reported at once rather than
     * after a timeout (its will fired: it lost power or network); one without a status may still answer.
     */
    public static DeviceSession session(BrokerLink broker, String deviceId, Duration timeout) throws InterruptedException {
        DeviceId device = DeviceId.parse(deviceId).orElseThrow(() ->
                PortalctlException.usage("not a device id: " + deviceId));
        Optional<Map<String, Object>> status = retained(broker, PortalTopics.status(device), Duration.ofMillis(300));
        if (status.isPresent() && "offline".equals(status.get().get("state"))) {
            throw PortalctlException.unreachable(deviceId + " is offline (its last connection, boot "
                    + status.get().get("bootId") + ", ended without a goodbye)");
        }
        return new DeviceSession(new MqttPortalLink(broker, device, timeout), timeout);
    }

    /** The retained JSON document on {@code topic}, if the broker holds one (waits at most {@code wait}). */
    public static Optional<Map<String, Object>> retained(BrokerLink broker, Topic topic, Duration wait)
            throws InterruptedException {
        CompletableFuture<byte[]> got = new CompletableFuture<>();
        TopicFilter filter = TopicFilter.exactly(topic);
        Broker.subscribe(broker, filter, (t, payload) -> got.complete(payload));
        try {
            return parse(got.get(wait.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException | ExecutionException e) {
            return Optional.empty();
        } finally {
            broker.unsubscribe(filter);
        }
    }

    public static Optional<Map<String, Object>> parse(byte[] payload) {
        if (payload == null || payload.length == 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(payload, new TypeReference<Map<String, Object>>() { }));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public static byte[] toJson(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
