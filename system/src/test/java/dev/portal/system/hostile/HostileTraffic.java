package dev.portal.system.hostile;

import dev.portal.link.DeviceId;
import dev.portal.link.GameTopics;
import dev.portal.link.PortalTopics;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portal.protocol.frame.Birth;
import dev.portal.protocol.frame.Command;
import dev.portal.protocol.frame.Frame;
import dev.portal.protocol.frame.FrameCodec;
import dev.portal.protocol.frame.FrameException;
import dev.portal.protocol.frame.Limits;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Seeded hostile messages for the bridge, each with the verdict the bridge's rules give it: a frame topic
 * message is invalid when it is oversized, does not decode, is a Command, is a Birth naming another device,
 * or belongs to a boot no Birth announced on that topic; an update request is invalid when it is oversized or
 * not a JSON object. Mutations that would announce a new boot (a decodable Birth of the topic's device with an
 * unknown boot) are not sent: they would make later verdicts depend on timing. Nor are exact replays of a
 * frame of an unannounced boot: the bridge holds one frame per (boot, seq) and drops the replays without a
 * dead letter (reported to the bridge's owner; each is still counted in heldUnknownBoot).
 */
final class HostileTraffic {
    record Message(String topic, byte[] payload, boolean invalid, String kind) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * How many hostile messages a flood sends: {@code -Dportal.hostile.messages}, 10,000 unless given, so that
     * scripts/test stays short; the 100,000 on a manual run.
     */
    static int messages() {
        return Integer.getInteger("portal.hostile.messages", 10_000);
    }

    private final Random random;
    private final String victim;
    private final Set<Long> announcedBoots;
    private final List<byte[]> samples;
    private final Set<String> heldKeys = new java.util.HashSet<>();

    HostileTraffic(long seed, String victim, long victimBoot, List<byte[]> samples) {
        this.random = new Random(seed);
        this.victim = victim;
        this.announcedBoots = Set.of(victimBoot);
        this.samples = samples;
    }

    List<Message> generate(int total) {
        List<Message> out = new ArrayList<>(total);
        while (out.size() < total) {
            int pick = random.nextInt(100);
            Message m;
            if (pick < 20) {
                m = evt(victim, bytes(random.nextInt(200)), "random");
            } else if (pick < 40) {
                m = evt(victim, flipBits(sample()), "bit-flips");
            } else if (pick < 65) {
                byte[] b = mutate(sample());
                FrameCodec.resign(b);
                m = evt(victim, b, "mutated-resigned");
            } else if (pick < 75) {
                byte[] s = sample();
                byte[] cut = Arrays.copyOf(s, random.nextInt(s.length));
                if (random.nextBoolean()) {
                    FrameCodec.resign(cut);
                }
                m = evt(victim, cut, "truncated");
            } else if (pick < 77) {
                m = evt(victim, bytes(Limits.MAX_FRAME + 1 + random.nextInt(6000)), "oversized");
            } else if (pick < 85) {
                m = evt("intruder-" + random.nextInt(40), foreignFrame(), "wrong-device");
            } else {
                m = update();
            }
            if (m != null) {
                out.add(m);
            }
        }
        return out;
    }

    /** A sample frame as another boot would send it: its own boot id and sequence number. */
    private byte[] foreignFrame() {
        byte[] b = sample();
        for (int i = 3; i < 11; i++) { // boot u32 and sequence u32 follow version, type and flags
            b[i] = (byte) random.nextInt(256);
        }
        FrameCodec.resign(b);
        return b;
    }

    private byte[] sample() {
        return samples.get(random.nextInt(samples.size())).clone();
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private byte[] flipBits(byte[] b) {
        int flips = 1 + random.nextInt(3);
        for (int i = 0; i < flips; i++) {
            int bit = random.nextInt(b.length * 8);
            b[bit / 8] ^= (byte) (1 << (bit % 8));
        }
        return b;
    }

    private byte[] mutate(byte[] b) {
        return switch (random.nextInt(3)) {
            case 0 -> { // overwrite a few bytes
                for (int i = 1 + random.nextInt(3); i > 0; i--) {
                    b[random.nextInt(b.length)] = (byte) random.nextInt(256);
                }
                yield b;
            }
            case 1 -> { // insert bytes
                int at = random.nextInt(b.length);
                byte[] extra = bytes(1 + random.nextInt(8));
                byte[] out = new byte[b.length + extra.length];
                System.arraycopy(b, 0, out, 0, at);
                System.arraycopy(extra, 0, out, at, extra.length);
                System.arraycopy(b, at, out, at + extra.length, b.length - at);
                yield out;
            }
            default -> { // delete bytes
                int at = random.nextInt(b.length);
                int n = Math.min(b.length - at, 1 + random.nextInt(6));
                byte[] out = new byte[b.length - n];
                System.arraycopy(b, 0, out, 0, at);
                System.arraycopy(b, at + n, out, at, b.length - at - n);
                yield out;
            }
        };
    }

    /** Null when the message would announce a new boot of the topic's device (see the class comment). */
    private Message evt(String device, byte[] payload, String kind) {
        String topic = PortalTopics.evt(DeviceId.of(device)).value();
        if (payload.length > Limits.MAX_FRAME) {
            return new Message(topic, payload, true, kind);
        }
        Frame f;
        try {
            f = FrameCodec.decode(payload);
        } catch (FrameException e) {
            return new Message(topic, payload, true, kind);
        }
        if (f.message() instanceof dev.portal.protocol.frame.ToyRead read
                && read.verdict() != dev.portal.protocol.toy.ToyVerdict.FOREIGN) {
            // a verdict a portal claims: refused as it arrives since protocol 1.1 (untrusted-verdict), every copy;
            // a foreign toy's read (1.2) is taken like any other frame
            return new Message(topic, payload, true, kind + " (verdict)");
        }
        boolean announced = device.equals(victim) && announcedBoots.contains(f.header().bootId());
        if (!announced && !(f.message() instanceof Birth) && !(f.message() instanceof Command)
                && !heldKeys.add(device + "/" + f.header().bootId() + "/" + f.header().sequence())) {
            return null; // a replay of a frame the bridge holds already: see the class comment
        }
        return switch (f.message()) {
            case Command c -> new Message(topic, payload, true, kind);
            case Birth b when !b.deviceId().equals(device) -> new Message(topic, payload, true, kind);
            case Birth b -> announced ? new Message(topic, payload, false, kind) : null;
            default -> new Message(topic, payload, !announced, kind);
        };
    }

    private Message update() {
        String topic = GameTopics.toyUpdate("04A1B2C3D4E5F6").value();
        String valid = "{\"action\":\"awardXp\",\"xp\":10,\"correlationId\":\"c1\",\"replyTo\":\"game/replies\"}";
        byte[] payload = switch (random.nextInt(5)) {
            case 0 -> bytes(random.nextInt(300));
            case 1 -> valid.substring(0, random.nextInt(valid.length())).getBytes(StandardCharsets.UTF_8);
            case 2 -> ("[" + random.nextInt() + ",\"x\"]").getBytes(StandardCharsets.UTF_8);
            case 3 -> String.valueOf(random.nextDouble()).getBytes(StandardCharsets.UTF_8);
            default -> {
                byte[] big = new byte[9 * 1024 + random.nextInt(4096)];
                Arrays.fill(big, (byte) ' ');
                big[0] = '{';
                big[big.length - 1] = '}';
                yield big;
            }
        };
        if (payload.length <= 8 * 1024 && isJsonObject(payload)) {
            return null; // a well-formed request is not hostile input
        }
        return new Message(topic, payload, true, "bad-update");
    }

    private static boolean isJsonObject(byte[] payload) {
        try {
            JsonNode n = JSON.readTree(payload);
            return n != null && n.isObject();
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
