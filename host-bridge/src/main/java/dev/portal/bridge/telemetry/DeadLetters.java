package dev.portal.bridge.telemetry;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portal.link.BrokerLink;
import dev.portal.link.GameTopics;
import dev.portal.link.Qos;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Refused input goes to game/deadletter with the reason, and is counted; the bridge carries on. The log gets
 * the first few refusals of each reason per minute and a summary of the rest ({@link RefusalLog}).
 */
public final class DeadLetters {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);
    /** Payload bytes copied into a dead letter; enough to diagnose, not enough to amplify an attack. */
    static final int KEEP_BYTES = 256;

    private final BrokerLink link;
    private final BridgeCounters counters;
    private final Clock clock;
    private final RefusalLog log;

    public DeadLetters(BrokerLink link, BridgeCounters counters, Clock clock) {
        this.link = link;
        this.counters = counters;
        this.clock = clock;
        this.log = new RefusalLog(LOG, clock);
    }

    /** Logs the summaries of the refusals not logged one by one whose minute is over. */
    public void summarise() {
        log.summarise();
    }

    public void refuse(Refusal reason, String detail, String topic, byte[] payload) {
        counters.deadLetter(reason);
        log.refused(reason, payload.length, topic, detail);
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("reason", reason.jsonName());
        node.put("detail", detail == null ? "" : detail);
        node.put("topic", topic);
        node.put("at", Instant.ofEpochMilli(clock.millis()).toString());
        node.put("size", payload.length);
        byte[] kept = Arrays.copyOf(payload, Math.min(payload.length, KEEP_BYTES));
        node.put("payloadHex", HexFormat.of().formatHex(kept));
        node.put("payloadBase64", Base64.getEncoder().encodeToString(kept));
        node.put("truncated", kept.length < payload.length);
        link.publish(GameTopics.DEADLETTER, node.toString().getBytes(StandardCharsets.UTF_8), Qos.AT_LEAST_ONCE, false).exceptionally(e -> {
            LOG.warn("could not publish a dead letter: {}", e.getMessage());
            return null;
        });
    }
}
