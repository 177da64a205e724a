package dev.portal.portalctl.link;

import dev.portal.link.BrokerLink;
import dev.portal.link.BrokerLinkBuilder;
import dev.portal.link.ConnectionListener;
import dev.portal.link.LinkException;
import dev.portal.link.MessageHandler;
import dev.portal.link.Qos;
import dev.portal.link.TlsConfig;
import dev.portal.link.Topic;
import dev.portal.link.TopicFilter;
import dev.portal.portalctl.cli.BrokerOptions;
import dev.portal.portalctl.cli.PortalctlException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;

/**
 * portalctl on the broker: a clean, short-lived MQTT session with a fresh client id (a tool run must not leave
 * a session behind nor take over someone else's), no reconnect (a lost broker is an error to report), and
 * link failures turned into the tool's exit codes.
 */
public final class Broker {
    private Broker() {
    }

    public static BrokerLink connect(BrokerOptions options) {
        return connect(options, ConnectionListener.NONE);
    }

    public static BrokerLink connect(BrokerOptions options, ConnectionListener listener) {
        BrokerLink link;
        try {
            BrokerLinkBuilder builder = BrokerLink.builder().serverUri(options.broker).randomClientId("portalctl")
                    .cleanSession(true).operationTimeout(options.timeout).publishWait(options.timeout)
                    .maxInFlight(256).listener(listener);
            if (options.username != null) {
                builder.credentials(options.username, options.passwordChars().orElse(null));
            }
            if (options.tls()) {
                builder.tls(tls(options));
            }
            link = builder.build();
        } catch (IllegalArgumentException e) {
            throw PortalctlException.usage("bad --broker " + options.broker + ": " + e.getMessage());
        } catch (Exception e) {
            throw PortalctlException.usage("TLS/credential set-up failed: " + e.getMessage());
        }
        try {
            link.connect(options.timeout);
            return link;
        } catch (LinkException e) {
            link.close();
            if (e.refused()) {
                throw PortalctlException.failure("broker " + options.broker + " refused the login: " + e.getMessage());
            }
            throw PortalctlException.unreachable("cannot reach broker " + options.broker + ": " + e.getMessage());
        }
    }

    private static TlsConfig tls(BrokerOptions options) {
        TlsConfig tls = TlsConfig.jvmDefaults();
        if (options.caFile != null) {
            tls = tls.withCaFile(options.caFile);
        }
        Optional<Path> cert = Optional.ofNullable(options.certFile);
        Optional<Path> key = Optional.ofNullable(options.clientKeyFile);
        if (cert.isPresent() || key.isPresent()) {
            if (cert.isEmpty() || key.isEmpty()) {
                throw new IllegalArgumentException("--cert and --client-key go together");
            }
            tls = tls.withClientPem(cert.get(), key.get());
        }
        return tls;
    }

    /** Subscribes {@code receiver} (it only queues: it runs on the link's thread). */
    public static void subscribe(BrokerLink link, TopicFilter filter, BiConsumer<Topic, byte[]> receiver) {
        try {
            link.subscribe(filter, Qos.AT_LEAST_ONCE,
                    MessageHandler.autoAck(m -> receiver.accept(m.topic(), m.payload())));
        } catch (LinkException e) {
            throw PortalctlException.unreachable("subscribe to " + filter + " failed: " + e.getMessage());
        }
    }

    /** Publishes at QoS 1 and waits for the broker's acknowledgement, at most {@code timeout}. */
    public static void publish(BrokerLink link, Topic topic, byte[] payload, boolean retained, Duration timeout) {
        try {
            link.publish(topic, payload, Qos.AT_LEAST_ONCE, retained).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw PortalctlException.unreachable("publish to " + topic + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw PortalctlException.unreachable("publish to " + topic + " interrupted");
        }
    }
}
