package dev.portal.bridge.broker;

import com.hivemq.embedded.EmbeddedHiveMQ;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An in-process HiveMQ Community Edition broker, so one command runs the whole system. Listens on one
 * address and port only; its configuration, data and (empty) extensions folders live under {@code home}.
 */
public final class EmbeddedBroker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBroker.class);
    private static final long START_TIMEOUT_SECONDS = 60;
    private static final long STOP_TIMEOUT_SECONDS = 30;
    /**
     * Messages the broker keeps for one client beyond those in flight to it. HiveMQ's default (1,000, newest
     * discarded) loses frames a portal already had acknowledged as soon as a bridge is a thousand behind: a
     * thousand portals' Births at once, or a bridge restarting. As scripts/mosquitto's max_queued_messages, sized
     * for a fleet's frames during a bridge's downtime (a frame is under 200 bytes: 200 MB at most).
     */
    static final int MAX_QUEUED_MESSAGES = 1_000_000;

    private final String bindAddress;
    private final int port;
    private final EmbeddedHiveMQ hiveMq;

    private EmbeddedBroker(String bindAddress, int port, EmbeddedHiveMQ hiveMq) {
        this.bindAddress = bindAddress;
        this.port = port;
        this.hiveMq = hiveMq;
    }

    /** Starts the broker and returns once it accepts connections. */
    public static EmbeddedBroker start(Path home, String bindAddress, int port) throws BrokerException {
        try {
            Path conf = Files.createDirectories(home.resolve("conf"));
            Path data = Files.createDirectories(home.resolve("data"));
            Path extensions = Files.createDirectories(home.resolve("extensions"));
            Files.writeString(conf.resolve("config.xml"), config(bindAddress, port));
            EmbeddedHiveMQ hiveMq = EmbeddedHiveMQ.builder()
                    .withConfigurationFolder(conf)
                    .withDataFolder(data)
                    .withExtensionsFolder(extensions)
                    .withoutLoggingBootstrap() // our Logback configuration stays in charge
                    .build();
            try {
                hiveMq.start().get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                closeQuietly(hiveMq);
                throw new BrokerException("the embedded broker did not start on " + bindAddress + ":" + port
                        + ": " + rootMessage(e), e);
            }
            LOG.info("embedded MQTT broker listening on {}:{} (data in {})", bindAddress, port, data);
            return new EmbeddedBroker(bindAddress, port, hiveMq);
        } catch (IOException e) {
            throw new BrokerException("cannot prepare the broker folder " + home + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerException("interrupted while starting the broker", e);
        }
    }

    static String config(String bindAddress, int port) {
        return """
                <?xml version="1.0"?>
                <hivemq>
                    <listeners>
                        <tcp-listener>
                            <port>%d</port>
                            <bind-address>%s</bind-address>
                        </tcp-listener>
                    </listeners>
                    <mqtt>
                        <queued-messages>
                            <max-queue-size>%d</max-queue-size>
                        </queued-messages>
                    </mqtt>
                    <anonymous-usage-statistics>
                        <enabled>false</enabled>
                    </anonymous-usage-statistics>
                </hivemq>
                """.formatted(port, bindAddress, MAX_QUEUED_MESSAGES);
    }

    public String serverUri() {
        String host = bindAddress.equals("0.0.0.0") ? "127.0.0.1" : bindAddress;
        return "tcp://" + host + ":" + port;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        try {
            hiveMq.stop().get(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("the embedded broker did not stop cleanly: {}", rootMessage(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly(hiveMq);
        }
    }

    private static void closeQuietly(EmbeddedHiveMQ hiveMq) {
        try {
            hiveMq.close();
        } catch (ExecutionException e) {
            LOG.debug("closing the embedded broker: {}", rootMessage(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
