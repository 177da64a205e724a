package dev.portal.portalctl.provision;

import dev.portal.link.BrokerLink;
import dev.portal.link.GameTopics;
import dev.portal.link.Topic;
import dev.portal.link.TopicFilter;
import dev.portal.portalctl.link.Broker;
import dev.portal.portalctl.link.DeviceSession;
import dev.portal.portalctl.link.Portals;
import dev.portal.protocol.id.Uid;
import dev.portal.protocol.toy.WebCode;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Gives each written toy its web code: makes one, registers only its digest with the bridge
 * (game/toys/{uid}/webcode) and waits for the bridge's answer on a reply topic of this run's own. The code itself
 * is printed for the toy's box and never sent anywhere.
 */
public final class WebCodeRegistrar implements AutoCloseable {
    /** What became of one toy's registration; {@code code} is printed only when {@code registered}. */
    public record Registration(WebCode code, boolean registered, String detail) {
    }

    private final BrokerLink link;
    private final Duration timeout;
    private final SecureRandom random;
    private final Topic replyTo;
    private final Map<String, CompletableFuture<Map<String, Object>>> waiting = new ConcurrentHashMap<>();
    private long next;

    public WebCodeRegistrar(BrokerLink link, Duration timeout, SecureRandom random) {
        this.link = link;
        this.timeout = timeout;
        this.random = random;
        byte[] name = new byte[8];
        random.nextBytes(name);
        this.replyTo = GameTopics.replies("portalctl-" + HexFormat.of().formatHex(name));
        Broker.subscribe(link, TopicFilter.exactly(replyTo), (topic, payload) -> Portals.parse(payload)
                .ifPresent(reply -> Optional.ofNullable(waiting.get(String.valueOf(reply.get("correlationId"))))
                        .ifPresent(f -> f.complete(reply))));
    }

    /** A new code for {@code uid}, registered with the bridge if it answers "registered" within the timeout. */
    public Registration register(Uid uid) throws InterruptedException {
        WebCode code = WebCode.random(random);
        String correlationId = "webcode-" + (++next) + "-" + uid.hex();
        CompletableFuture<Map<String, Object>> answer = new CompletableFuture<>();
        waiting.put(correlationId, answer);
        try {
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("correlationId", correlationId);
            request.put("replyTo", replyTo.value());
            request.put("digest", code.digest(uid));
            Broker.publish(link, GameTopics.toyRequest(uid.hex(), GameTopics.ToyRequestKind.WEBCODE),
                    Portals.toJson(request), false, timeout);
            Map<String, Object> reply = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            boolean registered = "registered".equals(reply.get("status"));
            return new Registration(code, registered, String.valueOf(reply.get("detail")));
        } catch (TimeoutException e) {
            return new Registration(code, false, "the bridge did not answer within " + DeviceSession.human(timeout));
        } catch (ExecutionException e) {
            return new Registration(code, false, String.valueOf(e.getCause()));
        } finally {
            waiting.remove(correlationId);
        }
    }

    @Override
    public void close() {
        link.unsubscribe(TopicFilter.exactly(replyTo));
    }
}
