package dev.portal.bridge.testing;

import dev.portal.bridge.app.Bridge;
import dev.portal.bridge.telemetry.Refusal;
import dev.portal.testsupport.Await;

import java.time.Duration;

/**
 * Waits until the bridge has handled everything a client published before: the client publishes a message the
 * bridge dead-letters at once (a topic naming no portal), and one client's messages reach the bridge in order.
 * For tests whose messages change nothing visible, so there is nothing else to wait for.
 */
public final class EndMark {
    private static final Duration WAIT = Duration.ofSeconds(20);

    private EndMark() {
    }

    public static void handled(Bridge bridge, Collector client) throws Exception {
        long before = bridge.counters().deadLetters(Refusal.BAD_TOPIC);
        client.publish("portal/end mark/evt", "x");
        Await.until("the bridge to reach the end mark", () -> bridge.counters().deadLetters(Refusal.BAD_TOPIC) > before,
                WAIT);
        bridge.awaitIdle();
    }
}
