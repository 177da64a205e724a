package dev.portal.system.hostile;

import dev.portal.system.support.PortalFrames;
import dev.portal.protocol.frame.Frame;
import dev.portal.protocol.frame.FrameCodec;
import dev.portal.protocol.frame.Header;
import dev.portal.protocol.frame.HealthCounters;
import dev.portal.protocol.frame.Heartbeat;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Seeded hostile traffic of the kinds issue #13 items 13-17 found, one message at a time (nothing is kept, so a
 * test can send 100,000 without holding them): topics whose device id breaks the grammar (a space, Cyrillic,
 * 1,000 characters, quotes, semicolons, an emoji, full-width digits: the last two used to kill Paho's receive
 * thread), Births of made-up portals and a portal that boots again and again, frames of boots no Birth
 * announced, junk statuses for a real portal and statuses for portals that never sent a Birth, and loose update
 * requests for a real toy (two documents in one, garbage after one, wrong JSON types, a replyTo with CR/LF).
 * It never sends a valid frame of the real portal's boot nor a valid status of it: without broker ACLs anyone
 * could, and nothing in the bridge can tell (the shipped ACL is what stops that).
 */
final class FloodTraffic {
    /** How the bridge routes a message: what the test waits for to know the flood was handled. */
    enum Route { FRAME, STATUS, UPDATE, BAD_TOPIC }

    record Message(String topic, byte[] payload, Route route) {
    }

    private static final List<String> BAD_IDS = List.of("a b", " sim-portal", "\u043f\u043e\u0440\u0442\u0430\u043b",
            "x".repeat(1_000), "q\"uote", "semi;colon", "emoji-\uD83D\uDC09", "\uFF10\uFF14");

    private final Random random;
    private final String realPortal;
    private final long realBoot;
    private final String realToy;
    private final Set<String> born = new HashSet<>();

    FloodTraffic(long seed, String realPortal, long realBoot, String realToy) {
        this.random = new Random(seed);
        this.realPortal = realPortal;
        this.realBoot = realBoot;
        this.realToy = realToy;
    }

    /** Ids a valid Birth was sent for: the only made-up ids the bridge may have state for. */
    Set<String> born() {
        return Set.copyOf(born);
    }

    Message next() {
        int pick = random.nextInt(100);
        if (pick < 15) {
            return badTopic();
        } else if (pick < 30) {
            return birth("made-up-" + random.nextInt(1_000_000));
        } else if (pick < 38) {
            return birth("reboot-storm");
        } else if (pick < 48) {
            return unannounced();
        } else if (pick < 53) {
            return frame(random.nextBoolean() ? realPortal : "never-born-" + random.nextInt(1_000), bytes(40));
        } else if (pick < 73) {
            return status();
        }
        return update();
    }

    private Message badTopic() {
        String id = BAD_IDS.get(random.nextInt(BAD_IDS.size()));
        if (random.nextInt(10) == 0) {
            return new Message("game/toys/\uFF10\uFF14/update", json("{\"action\":\"awardXp\",\"amount\":5}"),
                    Route.UPDATE);
        }
        String leaf = random.nextBoolean() ? "evt" : "status";
        byte[] payload = leaf.equals("evt") ? new PortalFrames("sim-portal", random.nextInt() & 0xFFFF_FFFFL).birth()
                : json("{\"state\":\"online\",\"deviceId\":\"sim-portal\",\"bootId\":\"00000001\"}");
        return new Message("portal/" + id + "/" + leaf, payload, Route.BAD_TOPIC);
    }

    private Message birth(String device) {
        born.add(device);
        return frame(device, new PortalFrames(device, random.nextInt() & 0xFFFF_FFFFL).birth());
    }

    /** A heartbeat of a boot no Birth announced, on an id that never sends one. */
    private Message unannounced() {
        Heartbeat beat = new Heartbeat(new HealthCounters(1, 0, 0, 0, 0, 0, 0, 0, 0, 0));
        long boot = random.nextInt() & 0xFFFF_FFFFL;
        byte[] payload = FrameCodec.encode(new Frame(Header.of(boot, random.nextInt(1_000), System.currentTimeMillis(),
                true), beat));
        return frame("never-born-" + random.nextInt(1_000), payload);
    }

    private Message status() {
        String boot = String.format("%08x", realBoot);
        String wrongBoot = String.format("%08x", (realBoot + 1 + random.nextInt(1_000)) & 0xFFFF_FFFFL);
        String other = "status-only-" + random.nextInt(1_000);
        return switch (random.nextInt(9)) {
            case 0 -> status(realPortal, "offline");
            case 1 -> status(realPortal, statusJson("offline", realPortal, "\"zz\""));
            case 2 -> status(realPortal, statusJson("offline", realPortal, "\"nothex!!\""));
            case 3 -> status(realPortal, statusJson("offline", realPortal, String.valueOf(random.nextInt())));
            case 4 -> status(realPortal, statusJson("offline", realPortal, "\"" + wrongBoot + "\""));
            case 5 -> status(realPortal, statusJson("offline", "someone-else", "\"" + boot + "\""));
            case 6 -> status(realPortal, statusJson("offline", realPortal, "\"" + boot + "\"") + "{}");
            default -> status(other, statusJson(random.nextBoolean() ? "online" : "offline", other,
                    "\"" + String.format("%08x", random.nextInt()) + "\""));
        };
    }

    private static String statusJson(String state, String device, String bootJson) {
        return "{\"state\":\"" + state + "\",\"deviceId\":\"" + device + "\",\"bootId\":" + bootJson + "}";
    }

    private Message status(String device, String text) {
        return new Message("portal/" + device + "/status", json(text), Route.STATUS);
    }

    private Message update() {
        String head = "{\"correlationId\":\"flood-" + random.nextInt() + "\",\"replyTo\":\"game/replies/flood\",";
        String award = head + "\"action\":\"awardXp\",\"amount\":1000}";
        String text = switch (random.nextInt(7)) {
            case 0 -> award + award;
            case 1 -> award + "garbage";
            case 2 -> head + "\"action\":\"awardXp\",\"amount\":1000.0}";
            case 3 -> head + "\"action\":\"awardXp\",\"amount\":\"1000\"}";
            case 4 -> head + "\"action\":\"recolour\",\"colours\":{\"accent\":123456}}";
            case 5 -> head + "\"action\":\"awardXp\",\"amount\":1000,\"name\":\"Hacked\"}";
            default -> "{\"correlationId\":\"c\",\"replyTo\":\"game/replies/x\\r\\n12:00:00.000 INFO  Bridge - "
                    + "admin reset every toy\",\"action\":\"awardXp\",\"amount\":1000}";
        };
        return new Message("game/toys/" + realToy + "/update", json(text), Route.UPDATE);
    }

    private static Message frame(String device, byte[] payload) {
        return new Message("portal/" + device + "/evt", payload, Route.FRAME);
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
