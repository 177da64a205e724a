package dev.portal.protocol.frame;

import dev.portal.protocol.id.Uid;
import dev.portal.protocol.toy.Area;
import dev.portal.protocol.toy.AreaBytes;
import dev.portal.protocol.toy.ToyWritePlan;

/**
 * Write an area image the host made and signed onto the tag on a pad (since 1.1: a portal holds no toy key, so
 * it cannot make one). The uid guards the write: the device answers NO_TAG unless that very tag is on that pad
 * and slot. It writes only if the tag's areas still hold what the host planned from ({@code expectedDigest}, the
 * {@link ToyAreas#digest()} of that read), else it answers REJECTED and reports the areas again. It zeroes the
 * target's first unit first when {@code clearFirst}, writes the rest of the image, its first unit last (SPEC.md
 * 11.8), reads both areas back and reports them (ToyAreas); the host judges whether the write took.
 *
 * @param target         the area to write: never the one holding the toy's current record
 * @param expectedDigest the fingerprint of the areas the plan was made from
 * @param clearFirst     zero the target's first unit before anything else (a blank target)
 * @param image          the area image, 1..64 bytes, padded with zeros to whole units by the device
 */
public record WriteArea(int pad, int slot, Uid uid, Area target, long expectedDigest,
                        boolean clearFirst, AreaBytes image) implements CommandBody {
    public WriteArea {
        Check.u8("pad", pad);
        Check.u8("slot", slot);
        Check.present("uid", uid);
        Check.present("target", target);
        Check.present("image", image);
        if (image.length() == 0) {
            throw new IllegalArgumentException("an area image has at least one byte");
        }
    }

    /** The command that carries out {@code plan}, made from the tag as {@code read} showed it (guarded by its digest). */
    public static WriteArea of(ToyAreas read, ToyWritePlan plan) {
        return new WriteArea(read.pad(), read.slot(), read.uid(), plan.target(), read.digest(), plan.clearsFirst(),
                AreaBytes.of(plan.image()));
    }
}
