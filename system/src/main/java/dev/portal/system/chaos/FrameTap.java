package dev.portal.system.chaos;

import dev.portal.bridge.app.BrokerSettings;
import dev.portal.link.BrokerLink;
import dev.portal.link.DeviceId;
import dev.portal.link.GameTopics;
import dev.portal.link.InboundMessage;
import dev.portal.link.LinkException;
import dev.portal.link.MessageHandler;
import dev.portal.link.PortalTopics;
import dev.portal.link.Qos;
import dev.portal.link.TopicFilter;
import dev.portal.protocol.frame.Frame;
import dev.portal.protocol.frame.FrameCodec;
import dev.portal.protocol.frame.FrameException;
import dev.portal.protocol.frame.TagPlaced;
import dev.portal.protocol.frame.TagRemoved;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the portals published, as the broker passed it on: every frame on portal/+/evt (QoS 1, persistent
 * session, so broker restarts lose none), one line each in {@code portal-frames.log}, and the bridge's dead
 * letters counted. It tells a placement a portal never published (a simulated portal starved of CPU can miss
 * a toy that lay for half a second) from one lost on the way through the broker and the bridge.
 */
final class FrameTap implements AutoCloseable {
    private final BufferedWriter out;
    private final AtomicLong deadLetters = new AtomicLong();
    /** Per "portal uid", the (device time, pad) of each TagPlaced. */
    private final Map<String, List<long[]>> placed = new ConcurrentHashMap<>();
    private final BrokerLink link;
    /** Per "portal boot", the sequence numbers heard (a copy sent again counts once). */
    private final Map<String, BitSet> heard = new ConcurrentHashMap<>();

    FrameTap(String brokerUri, Path file) throws LinkException, IOException {
        out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        out.write("# received_ms portal boot seq device_ms frame [uid pad]\n");
        link = BrokerSettings.plain(brokerUri, "chaos-frame-tap").withCleanSession(false).linkBuilder()
                .subscribe(PortalTopics.ALL_EVENTS, Qos.AT_LEAST_ONCE, MessageHandler.autoAck(this::frame))
                .subscribe(TopicFilter.exactly(GameTopics.DEADLETTER), Qos.AT_LEAST_ONCE,
                        MessageHandler.autoAck(m -> deadLetters.incrementAndGet()))
                .build();
        link.connect(Duration.ofSeconds(10));
    }

    private void frame(InboundMessage m) {
        Frame f;
        try {
            f = FrameCodec.decode(m.payload());
        } catch (FrameException e) {
            return;
        }
        String portal = PortalTopics.deviceOf(m.topic(), PortalTopics.Kind.EVENTS).map(DeviceId::value).orElse("?");
        BitSet seqs = heard.computeIfAbsent(portal + " " + f.header().bootId(), k -> new BitSet());
        synchronized (seqs) {
            seqs.set((int) Math.min(f.header().sequence(), Integer.MAX_VALUE - 1));
        }
        String what = switch (f.message()) {
            case TagPlaced p -> {
                placed.computeIfAbsent(portal + " " + p.uid().hex(), k -> new CopyOnWriteArrayList<>())
                        .add(new long[] {f.header().timestampMillis(), p.pad()});
                yield "placed " + p.uid().hex() + " " + p.pad();
            }
            case TagRemoved r -> "removed " + r.uid().hex() + " " + r.pad();
            default -> f.message().getClass().getSimpleName();
        };
        synchronized (out) {
            try {
                out.write(System.currentTimeMillis() + " " + portal + " " + f.header().bootId() + " "
                        + f.header().sequence() + " " + f.header().timestampMillis() + " " + what + "\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    long deadLetters() {
        return deadLetters.get();
    }

    /** How many of {@code lost} no portal ever published: no TagPlaced of the toy on that pad while it lay there. */
    long unpublished(List<Verdict.LostPlacement> lost) {
        long slack = Verdict.CLOCK_SLACK_MILLIS;
        return lost.stream().filter(l -> placed.getOrDefault(l.portal() + " " + l.uid(), List.of()).stream()
                .noneMatch(p -> p[1] == l.pad() && p[0] >= l.fromMillis() - slack && p[0] <= l.toMillis() + slack))
                .count();
    }

    /**
     * The frames this tap never heard below the newest one of their boot ("portal boot seq", at most
     * {@code max}): the tap's session is persistent and QoS 1, so a hole is a frame the broker acknowledged to
     * the portal and then lost, not one the portal never sent. Frames of a boot before the tap heard any are
     * not holes it can know of.
     */
    List<String> holes(int max) {
        List<String> result = new ArrayList<>();
        heard.forEach((portalBoot, seqs) -> {
            synchronized (seqs) {
                for (int seq = seqs.nextClearBit(seqs.nextSetBit(0)); seq < seqs.length() && result.size() < max;
                     seq = seqs.nextClearBit(seq + 1)) {
                    result.add(portalBoot + " " + seq);
                }
            }
        });
        return result;
    }

    @Override
    public void close() throws IOException {
        link.close();
        synchronized (out) {
            out.close();
        }
    }
}
