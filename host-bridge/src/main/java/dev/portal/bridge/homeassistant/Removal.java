package dev.portal.bridge.homeassistant;

import dev.portal.link.BrokerLink;
import dev.portal.link.Qos;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Takes back the retained configs and states of a record: an empty retained message on each topic, which
 * is how Home Assistant's discovery removes an entity (and the broker forgets the retained message).
 */
final class Removal {
    private static final Logger LOG = LoggerFactory.getLogger(Removal.class);
    private static final long WAIT_SECONDS = 10;

    private Removal() {
    }

    /** True once the broker confirmed every removal (within 10 s). */
    static boolean take(BrokerLink link, PublishedRecord record) {
        CompletableFuture<?>[] sent = record.devices().stream()
                .flatMap(device -> PortalEntities.of(record.prefix(), device).retained().stream())
                .map(topic -> link.publish(topic, new byte[0], Qos.AT_LEAST_ONCE, true))
                .toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(sent).get(WAIT_SECONDS, TimeUnit.SECONDS);
            LOG.info("removed the Home Assistant configs of {} portals under {}/", record.devices().size(),
                    record.prefix());
            return true;
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("could not remove every Home Assistant config under {}/ ({}); the next run tries again",
                    record.prefix(), e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
