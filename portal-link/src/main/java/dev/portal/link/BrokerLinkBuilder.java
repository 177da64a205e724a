package dev.portal.link;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Builds a {@link BrokerLink}. Defaults: clean session, 30 s keep-alive, no reconnect, 1024 in flight. */
public final class BrokerLinkBuilder {
    private String serverUri;
    private String clientId;
    private String username;
    private byte[] password;
    private TlsConfig tls;
    private boolean cleanSession = true;
    private Duration keepAlive = Duration.ofSeconds(30);
    private ReconnectPolicy reconnect = ReconnectPolicy.never();
    private Will will;
    private int maxInFlight = 1024;
    private Duration publishWait = Duration.ofSeconds(10);
    private Duration operationTimeout = Duration.ofSeconds(10);
    private ConnectionListener listener = ConnectionListener.NONE;
    private final List<LinkSettings.Subscription> subscriptions = new ArrayList<>();

    BrokerLinkBuilder() {
    }

    /** {@code tcp://host:port}, or {@code ssl://host:port} (TLS with the JVM's CAs unless {@link #tls} says). */
    public BrokerLinkBuilder serverUri(String uri) {
        this.serverUri = Objects.requireNonNull(uri, "serverUri");
        return this;
    }

    /** Keep it the same across restarts when the session is persistent: the session is bound to it. */
    public BrokerLinkBuilder clientId(String id) {
        this.clientId = Objects.requireNonNull(id, "clientId");
        return this;
    }

    /** A fresh id {@code prefix-xxxxxxxx} for short-lived clean sessions that must not take over another's. */
    public BrokerLinkBuilder randomClientId(String prefix) {
        byte[] random = new byte[4];
        new SecureRandom().nextBytes(random);
        return clientId(prefix + "-" + HexFormat.of().formatHex(random));
    }

    public BrokerLinkBuilder credentials(String user, char[] secret) {
        this.username = Objects.requireNonNull(user, "username");
        if (secret != null) {
            ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(secret));
            this.password = new byte[bytes.remaining()];
            bytes.get(this.password);
        }
        return this;
    }

    public BrokerLinkBuilder tls(TlsConfig config) {
        this.tls = config;
        return this;
    }

    /** False keeps subscriptions and unacknowledged QoS 1 messages at the broker across disconnects. */
    public BrokerLinkBuilder cleanSession(boolean clean) {
        this.cleanSession = clean;
        return this;
    }

    public BrokerLinkBuilder keepAlive(Duration interval) {
        this.keepAlive = positive(interval, "keepAlive");
        return this;
    }

    public BrokerLinkBuilder reconnect(ReconnectPolicy policy) {
        this.reconnect = Objects.requireNonNull(policy, "reconnect");
        return this;
    }

    public BrokerLinkBuilder will(Will lastWill) {
        this.will = lastWill;
        return this;
    }

    /** Unconfirmed publishes allowed at once; further publishes wait (see {@link BrokerLink#publish}). */
    public BrokerLinkBuilder maxInFlight(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1");
        }
        this.maxInFlight = max;
        return this;
    }

    /** How long a publish waits for room in a full window before it fails. */
    public BrokerLinkBuilder publishWait(Duration wait) {
        this.publishWait = Objects.requireNonNull(wait, "publishWait");
        return this;
    }

    /** How long subscribe and unsubscribe wait for the broker. */
    public BrokerLinkBuilder operationTimeout(Duration timeout) {
        this.operationTimeout = positive(timeout, "operationTimeout");
        return this;
    }

    public BrokerLinkBuilder listener(ConnectionListener connectionListener) {
        this.listener = Objects.requireNonNull(connectionListener, "listener");
        return this;
    }

    /**
     * A subscription made at every {@link BrokerLink#connect}, whose handler is in place before the broker
     * can deliver anything: what a persistent session kept arrives right after the CONNACK, before any later
     * {@link BrokerLink#subscribe} could register a handler (such a message would be dropped as unrouted).
     */
    public BrokerLinkBuilder subscribe(TopicFilter filter, Qos qos, MessageHandler handler) {
        subscriptions.add(new LinkSettings.Subscription(Objects.requireNonNull(filter, "filter"),
                Objects.requireNonNull(qos, "qos"), Objects.requireNonNull(handler, "handler")));
        return this;
    }

    /** The link, not yet connected. Bad TLS files are reported here. */
    public BrokerLink build() throws LinkException {
        if (serverUri == null || clientId == null) {
            throw new IllegalStateException("a link needs serverUri and clientId");
        }
        ServerAddress server = ServerAddress.parse(serverUri);
        Optional<TlsConfig> tlsConfig = Optional.ofNullable(tls).or(() -> server.tls()
                ? Optional.of(TlsConfig.jvmDefaults()) : Optional.empty());
        LinkSettings settings = new LinkSettings(server, clientId, Optional.ofNullable(username),
                Optional.ofNullable(password), tlsConfig, cleanSession, keepAlive, reconnect,
                Optional.ofNullable(will), maxInFlight, publishWait, operationTimeout, listener,
                List.copyOf(subscriptions));
        return new HiveMqLink(settings);
    }

    private static Duration positive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return d;
    }
}
