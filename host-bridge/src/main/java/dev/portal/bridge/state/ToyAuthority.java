package dev.portal.bridge.state;

import dev.portal.protocol.frame.ToyAreas;
import dev.portal.protocol.frame.WriteArea;
import dev.portal.protocol.toy.FleetKey;
import dev.portal.protocol.toy.SaveAreas;
import dev.portal.protocol.toy.TagLayout;
import dev.portal.protocol.toy.ToyReadResult;
import dev.portal.protocol.toy.ToyVerdict;
import dev.portal.protocol.toy.ToyWritePlan;

import java.util.Optional;

/**
 * The only maker of toy value: holds the toy key, judges the areas portals read and plans the area images they
 * write. A portal holds no key (protocol 1.1), so nothing it sends can make a record this accepts. Without a
 * key (no --toy-key-file) every toy is UNKNOWN and none is written.
 */
public final class ToyAuthority {
    private final Optional<FleetKey> key;

    public ToyAuthority(Optional<FleetKey> key) {
        this.key = key;
    }

    public boolean hasKey() {
        return key.isPresent();
    }

    public ToyReadResult judge(ToyAreas areas) {
        return key.map(areas::judge)
                .orElseGet(() -> SaveAreas.unjudgeable("the bridge has no toy key (--toy-key-file)"));
    }

    /** A write to bring a tag up to the profile, or why there can be none. */
    public sealed interface Plan {
    }

    public record Planned(WriteArea command, long counter) implements Plan {
    }

    public record Refused(String why) implements Plan {
    }

    /**
     * The WriteArea that saves {@code profile} onto the tag last read as {@code image}, lying at pad/slot: into
     * the area not holding its current record, with a counter past every one seen on it, guarded by the digest
     * of that read so the portal refuses it if the tag has changed since.
     */
    public Plan plan(TagImage image, int pad, int slot, ToyProfile profile) {
        if (key.isEmpty()) {
            return new Refused("the bridge has no toy key (--toy-key-file)");
        }
        ToyAreas read = image.asRead(pad, slot);
        Optional<TagLayout> layout = image.tagType().toyLayout();
        if (layout.isEmpty()) {
            return new Refused("a " + image.tagType() + " tag holds no toy record");
        }
        ToyReadResult current = read.judge(key.get());
        if (current.verdict() == ToyVerdict.TAMPERED || current.verdict() == ToyVerdict.UNKNOWN) {
            return new Refused("the toy is " + current.verdict() + " (" + current.reason() + "); not overwritten");
        }
        try {
            ToyWritePlan plan = SaveAreas.planWrite(layout.get(), current, ProfileRecords.toRecord(profile),
                    read.uid().bytes(), key.get(), image.lastCounter());
            return new Planned(WriteArea.of(read, plan), plan.counter());
        } catch (IllegalStateException | IllegalArgumentException e) {
            return new Refused(e.getMessage());
        }
    }
}
