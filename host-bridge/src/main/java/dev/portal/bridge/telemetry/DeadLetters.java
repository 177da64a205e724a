package dev.portal.bridge.telemetry;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portal.link.BrokerLink;
import dev.portal.link.GameTopics;
import dev.portal.link.PortalTopics;
import dev.portal.link.Qos;
import dev.portal.link.Topic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

/**
 * Refused input is counted and goes to game/deadletter with the reason; the bridge carries on. One sender (a
 * portal's topic, a toy's update topic) gets at most {@link #PER_SECOND} dead letters a second published, in
 * bursts of {@link #BURST}: a portal sending garbage as fast as it can must not turn the bridge into an
 * amplifier that fills the link and game servers. The rest are counted all the same (deadLettersUnpublished).
 * The log gets the first few refusals of each reason per minute and a summary of the rest ({@link RefusalLog}).
 */
public final class DeadLetters {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);
    /** Payload bytes copied into a dead letter; enough to diagnose, not enough to amplify an attack. */
    static final int KEEP_BYTES = 256;
    public static final int PER_SECOND = 10;
    public static final int BURST = 50;
    /** Senders whose rate is remembered; topics that name nothing of ours share one. */
    private static final int SENDERS = 10_000;
    private static final String UNKNOWN_SENDER = "";

    private final BrokerLink link;
    private final BridgeCounters counters;
    private final Clock clock;
    private final RateLimit perSender = new RateLimit(PER_SECOND, BURST, SENDERS);
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
        // The bridge's clock, as the refusal log uses: one time source for both limits, which tests can hold still.
        if (!perSender.tryTake(sender(topic), TimeUnit.MILLISECONDS.toNanos(clock.millis()))) {
            counters.count(Counter.DEAD_LETTERS_UNPUBLISHED);
            return;
        }
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

    /** Whose dead letter it is: the topic when it names a portal or a toy of ours, else one key for all others. */
    private static String sender(String topic) {
        try {
            Topic parsed = Topic.of(topic);
            boolean ours = PortalTopics.parse(parsed).isPresent() || GameTopics.parse(parsed).isPresent();
            return ours ? topic : UNKNOWN_SENDER;
        } catch (IllegalArgumentException notATopic) {
            return UNKNOWN_SENDER;
        }
    }
}
