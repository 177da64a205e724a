package dev.portal.system.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portal.bridge.app.BrokerSettings;
import dev.portal.link.BrokerLink;
import dev.portal.link.GameTopics;
import dev.portal.link.LinkException;
import dev.portal.link.MessageHandler;
import dev.portal.link.Qos;
import dev.portal.link.TopicFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A game server as a real one would listen: game/events at QoS 1 on a persistent session, so what the broker
 * holds for it while it or the broker is away still arrives. Counts each eventId it hears.
 */
final class GameListener implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GameListener.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Integer> heard = new ConcurrentHashMap<>();
    private final BrokerLink link;

    GameListener(String brokerUri) throws LinkException {
        link = BrokerSettings.plain(brokerUri, "chaos-game-server").withCleanSession(false).linkBuilder()
                .subscribe(TopicFilter.exactly(GameTopics.EVENTS), Qos.AT_LEAST_ONCE,
                        MessageHandler.autoAck(m -> hear(m.payload())))
                .build();
        link.connect(Duration.ofSeconds(10));
    }

    private void hear(byte[] payload) {
        try {
            JsonNode id = JSON.readTree(payload).get("eventId");
            if (id != null) {
                heard.merge(id.asText(), 1, Integer::sum);
            }
        } catch (IOException e) {
            LOG.warn("unreadable game event: {}", e.getMessage());
        }
    }

    Set<String> eventIds() {
        return Set.copyOf(heard.keySet());
    }

    /** Events heard more than once (sent again after a bridge restart): allowed, the ids tell them apart. */
    long copies() {
        return heard.values().stream().mapToLong(n -> n - 1).sum();
    }

    @Override
    public void close() {
        link.close();
    }
}
