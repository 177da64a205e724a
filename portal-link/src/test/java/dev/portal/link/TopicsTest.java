package dev.portal.link;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TopicsTest {
    private static final DeviceId SHOP = DeviceId.of("shop-1");

    @Test
    void filtersMatchLikeMqtt() {
        assertTrue(PortalTopics.ALL_EVENTS.matches(Topic.of("portal/shop-1/evt")));
        assertFalse(PortalTopics.ALL_EVENTS.matches(Topic.of("portal/shop-1/cmd")));
        assertFalse(PortalTopics.ALL_EVENTS.matches(Topic.of("portal/shop-1/evt/x")));
        assertTrue(GameTopics.ALL.matches(Topic.of("game/portals/shop-1")));
        assertTrue(TopicFilter.of("#").matches(Topic.of("portal/emoji-\uD83D\uDC09/evt")));
        assertFalse(TopicFilter.of("#").matches(Topic.of("$SYS/broker/uptime")));
        assertThrows(IllegalArgumentException.class, () -> TopicFilter.of("portal/a+/evt"));
        assertThrows(IllegalArgumentException.class, () -> TopicFilter.of("portal/#/evt"));
        assertThrows(IllegalArgumentException.class, () -> Topic.of("portal/+/evt"));
        TopicFilter shared = TopicFilter.shared("bridges", PortalTopics.ALL_EVENTS);
        assertEquals("$share/bridges/portal/+/evt", shared.value());
        assertTrue(shared.matches(Topic.of("portal/p1/evt")));
        assertFalse(shared.matches(Topic.of("portal/p1/cmd")));
    }

    @Test
    void portalTopicsRoundTrip() {
        for (PortalTopics.Kind kind : PortalTopics.Kind.values()) {
            Topic topic = PortalTopics.of(SHOP, kind);
            assertEquals(Optional.of(new PortalTopics.PortalTopic(SHOP, kind)), PortalTopics.parse(topic));
        }
        assertEquals("portal/shop-1/config/shadow", PortalTopics.configShadow(SHOP).value());
    }

    @Test
    void hostileTopicsParseToNothing() {
        for (String t : new String[] {"portal/emoji-\uD83D\uDC09/evt", "portal//evt", "portal/a/evt/more",
                "portal/\uFF10\uFF14/status", "portal", "game/toys//update", "game/portals/\uD83D\uDC09",
                "game/unknown", "other/thing", "game/toys/04AB/claims", "game/toys//claim", "game/players//request",
                "game/players/p1/requests", "game/players/p1/request/more", "game/portals/p1/request"}) {
            Topic topic = Topic.of(t);
            assertTrue(PortalTopics.parse(topic).isEmpty(), t);
            assertTrue(GameTopics.parse(topic).filter(g -> !(g instanceof GameTopics.ToyDocument)).isEmpty(), t);
        }
    }

    @Test
    void gameTopicsParse() {
        assertEquals(Optional.of(new GameTopics.ToyUpdate("\uFF10\uFF14")),
                GameTopics.parse(Topic.of("game/toys/\uFF10\uFF14/update")));
        assertEquals(Optional.of(new GameTopics.PortalDocument(SHOP)), GameTopics.parse(GameTopics.portal(SHOP)));
        assertEquals(Optional.of(new GameTopics.Events()), GameTopics.parse(GameTopics.EVENTS));
        assertEquals(Optional.of(new GameTopics.BridgeStatus()), GameTopics.parse(GameTopics.BRIDGE_STATUS));
        assertEquals(Optional.of(new GameTopics.Reply("a")), GameTopics.parse(GameTopics.replies("a")));
        assertTrue(GameTopics.TOY_UPDATES.matches(GameTopics.toyUpdate("04AB")));
        for (GameTopics.ToyRequestKind kind : GameTopics.ToyRequestKind.values()) {
            Topic topic = GameTopics.toyRequest("04AB", kind);
            assertEquals("game/toys/04AB/" + kind.level(), topic.value());
            assertEquals(Optional.of(new GameTopics.ToyRequest("04AB", kind)), GameTopics.parse(topic));
        }
        assertTrue(GameTopics.TOY_WEBCODES.matches(GameTopics.toyRequest("04AB", GameTopics.ToyRequestKind.WEBCODE)));
        assertTrue(GameTopics.TOY_CLAIMS.matches(GameTopics.toyRequest("04AB", GameTopics.ToyRequestKind.CLAIM)));
        assertTrue(GameTopics.TOY_HISTORIES.matches(GameTopics.toyRequest("04AB", GameTopics.ToyRequestKind.HISTORY)));
        assertEquals(Optional.of(new GameTopics.PlayerRequest("ann")), GameTopics.parse(GameTopics.playerRequest("ann")));
        assertTrue(GameTopics.PLAYER_REQUESTS.matches(GameTopics.playerRequest("ann")));
    }

    @Test
    void deviceIdsAreValidated() {
        assertTrue(DeviceId.parse("emoji-\uD83D\uDC09").isEmpty());
        assertTrue(DeviceId.parse("a/b").isEmpty());
        assertTrue(DeviceId.parse("+").isEmpty());
        assertTrue(DeviceId.parse("x".repeat(65)).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> DeviceId.of(""));
    }
}
