package dev.portal.bridge.store;

import dev.portal.bridge.app.Bridge;
import dev.portal.bridge.app.BridgeConfig;
import dev.portal.bridge.app.BrokerSettings;
import dev.portal.bridge.game.GameJson;
import dev.portal.bridge.state.GameEvent;
import dev.portal.bridge.state.OutboxEvent;
import dev.portal.bridge.telemetry.Counter;
import dev.portal.bridge.testing.Collector;
import dev.portal.bridge.testing.EmbeddedBridge;
import dev.portal.bridge.testing.SimTag;
import dev.portal.testsupport.Await;
import dev.portal.testsupport.ThrowawayPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two bridges sharing one PostgreSQL database (`--shared`, each its own client id): when one dies for good
 * with events the broker never confirmed, the other publishes them on game/events once the dead one's lease
 * has run out (a short one here, so the test does not wait half a minute), and the dead one, started again,
 * sends none of them.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class TakeoverOnPostgresTest {
    private static final Logger LOG = LoggerFactory.getLogger(TakeoverOnPostgresTest.class);
    private static final Duration LEASE = Duration.ofSeconds(1);
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final List<String> LEFT = List.of("den/7/1#placed", "den/7/2#read", "den/7/3#removed");

    @TempDir
    Path dir;

    @Test
    void theOtherBridgePublishesWhatADeadBridgeLeftUnconfirmedAndItSendsNoneWhenBack() throws Exception {
        try (ThrowawayPostgres postgres = ThrowawayPostgres.start()) {
            BridgeConfig.StoreUrl url = new BridgeConfig.StoreUrl(postgres.newDatabase(),
                    Optional.of(ThrowawayPostgres.USER), Optional.of(postgres.password()));
            BridgeConfig configB = EmbeddedBridge.config(dir.resolve("b"), "bridge-b").withStore(url)
                    .withSharedGroup("bridges");
            try (Bridge b = Bridge.start(configB, LEASE);
                 Collector game = new Collector(b.serverUri(), "game/events")) {
                BridgeConfig configA = BridgeConfig.defaults(BrokerSettings.plain(b.serverUri(), "bridge-a"),
                        dir.resolve("a")).withToyKey(SimTag.KEY).withStore(url).withSharedGroup("bridges");
                Bridge a = Bridge.start(configA, LEASE);
                a.awaitIdle(); // started: its lease is held
                // Events a committed and published that the broker never confirmed: they wait in a's outbox.
                a.store().inTransaction(tx -> {
                    for (int i = 0; i < LEFT.size(); i++) {
                        GameEvent event = new GameEvent(LEFT.get(i), "placed", "den", 0, i, "04A1", 1_000 + i,
                                Map.of(), null);
                        tx.addToOutbox("bridge-a", new OutboxEvent(40 + i, event.eventId(),
                                GameJson.text(GameJson.event(event))));
                    }
                    return null;
                });
                a.close(); // ...and a is gone for good: nobody renews its lease
                long died = System.nanoTime();

                for (String id : LEFT) {
                    Collector.Received heard = game.await(r -> r.json().path("eventId").asText().startsWith("den/7/"),
                            WAIT);
                    assertEquals(id, heard.json().get("eventId").asText(), "in their order");
                }
                long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - died);
                LOG.info("takeover: bridge-b published bridge-a's {} events {} ms after bridge-a stopped (lease {} ms)",
                        LEFT.size(), tookMillis, LEASE.toMillis());
                Await.until("bridge-b to delete the events the broker confirmed", () -> b.store().inTransaction(
                        tx -> tx.outboxOwners().isEmpty()), WAIT);

                try (Bridge aBack = Bridge.start(configA, LEASE)) {
                    aBack.awaitIdle(); // its start-up resend has run
                    assertEquals(0, aBack.counters().get(Counter.EVENTS_RESENT), "its events were bridge-b's");
                }
                game.drain(Duration.ofMillis(500));
                assertEquals(LEFT.size(), game.all().stream()
                        .filter(r -> r.json().path("eventId").asText().startsWith("den/7/")).count(), "each once");
            }
        }
    }
}
