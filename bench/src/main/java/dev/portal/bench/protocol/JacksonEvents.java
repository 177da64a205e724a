package dev.portal.bench.protocol;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.portal.protocol.frame.Frame;
import dev.portal.protocol.frame.HealthCounters;
import dev.portal.protocol.frame.Header;
import dev.portal.protocol.frame.Heartbeat;
import dev.portal.protocol.frame.Hex;
import dev.portal.protocol.frame.TagPlaced;
import dev.portal.protocol.frame.TagRemoved;
import dev.portal.protocol.frame.ToyRead;
import dev.portal.protocol.toy.CoCreation;
import dev.portal.protocol.toy.ToyRecord;
import java.util.Locale;

/**
 * The same events as flat records for Jackson data binding: the way a team would send them as JSON or CBOR
 * without this protocol. Flat, typed, no maps, so Jackson runs at its fastest; the comparison is fair to it.
 */
final class JacksonEvents {
    private JacksonEvents() {
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = Placed.class, name = "tag_placed"),
            @JsonSubTypes.Type(value = Removed.class, name = "tag_removed"),
            @JsonSubTypes.Type(value = Read.class, name = "toy_read"),
            @JsonSubTypes.Type(value = Beat.class, name = "heartbeat")})
    sealed interface Event permits Placed, Removed, Read, Beat {
    }

    record Head(long bootId, long sequence, long timestampMillis, boolean clockSynced) {
    }

    record Placed(Head header, int pad, int slot, String uid, String tagType) implements Event {
    }

    record Removed(Head header, int pad, int slot, String uid, long presentMillis) implements Event {
    }

    record Toy(int toyType, int variant, int recordVersion, String name, int primary, int secondary, int accent,
               long upgrades, long xp, int level) {
    }

    record Read(Head header, int pad, int slot, String uid, String verdict, Toy record) implements Event {
    }

    record Beat(Head header, long uptimeSeconds, long pollsPerSecondX100, long readErrors, long readerResets,
                long corruptTags, long rejectedCommands, long outboxDepth, long outboxDropped, long brokerReconnects,
                long tagsPresent) implements Event {
    }

    static Event of(Frame frame) {
        Header h = frame.header();
        Head head = new Head(h.bootId(), h.sequence(), h.timestampMillis(), h.clockSynced());
        return switch (frame.message()) {
            case TagPlaced t -> new Placed(head, t.pad(), t.slot(), Hex.format(t.uid().bytes()), lower(t.tagType()));
            case TagRemoved t -> new Removed(head, t.pad(), t.slot(), Hex.format(t.uid().bytes()), t.presentMillis());
            case ToyRead t -> new Read(head, t.pad(), t.slot(), Hex.format(t.uid().bytes()), lower(t.verdict()),
                    t.record().map(JacksonEvents::toy).orElse(null));
            case Heartbeat b -> beat(head, b.counters());
            default -> throw new IllegalArgumentException("not in the benchmark mix: " + frame.type());
        };
    }

    private static Toy toy(ToyRecord r) {
        CoCreation c = r.coCreation();
        return new Toy(r.toyType(), r.variant(), r.recordVersion(), c.name(), c.colours().primary(),
                c.colours().secondary(), c.colours().accent(), c.upgrades().bits(), c.xp(), c.level());
    }

    private static Beat beat(Head head, HealthCounters c) {
        return new Beat(head, c.uptimeSeconds(), c.pollsPerSecondX100(), c.readErrors(), c.readerResets(),
                c.corruptTags(), c.rejectedCommands(), c.outboxDepth(), c.outboxDropped(), c.brokerReconnects(),
                c.tagsPresent());
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
