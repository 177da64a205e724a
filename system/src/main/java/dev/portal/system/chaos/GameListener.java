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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A game server as a real one would listen: game/events at QoS 1 on a persistent session, so what the broker
 * holds for it while it or the broker is away still arrives; from every bridge, as they all publish there. Counts
 * each eventId it hears, and keeps the first content heard under it: a game takes the eventId for the event, so
 * hearing it again with the same content changes nothing, while different content under one id (two bridges
 * reporting one frame differently) would be taken for the first.
 */
final class GameListener implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GameListener.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Heard> heard = new ConcurrentHashMap<>();
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
            JsonNode event = JSON.readTree(payload);
            JsonNode id = event == null ? null : event.get("eventId");
            if (id != null) {
                heard.merge(id.asText(), new Heard(event, 1, false), Heard::again);
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
        return heard.values().stream().mapToLong(h -> h.times() - 1).sum();
    }

    /** The eventIds heard with more than one content: the game would have missed what the later ones said. */
    List<String> conflicting() {
        return heard.entrySet().stream().filter(e -> e.getValue().differs()).map(Map.Entry::getKey).sorted().toList();
    }

    /** What was heard under one eventId: the first content, how often, and whether a later one differed. */
    private record Heard(JsonNode first, int times, boolean differs) {
        Heard again(Heard later) {
            return new Heard(first, times + later.times, differs || later.differs || !first.equals(later.first));
        }
    }

    @Override
    public void close() {
        link.close();
    }
}
