package dev.portal.device.toy;

import dev.portal.hardware.reader.NfcReader;
import dev.portal.hardware.reader.ReaderException;
import dev.portal.hardware.reader.TagSession;
import dev.portal.protocol.frame.Status;
import dev.portal.protocol.frame.TagType;
import dev.portal.protocol.frame.ToyAreas;
import dev.portal.protocol.frame.WriteArea;
import dev.portal.protocol.toy.AreaBytes;
import dev.portal.protocol.toy.TagLayout;
import dev.portal.protocol.toy.UnitWrite;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Writes an area image the host made and signed (WriteArea), the lift-safe way, without judging it: the portal
 * holds no toy key. It writes only if the tag's areas still hold what the host planned from (their digest), zeroes
 * the target's first unit first when asked, writes the rest of the image with its first unit last (SPEC.md
 * 11.8), then reads both areas back. The host planned the image into the area NOT holding the toy's record, so a
 * toy lifted mid-write keeps that record. Whether the toy is where the host says it is, is the caller's
 * business; call on the pad's thread.
 */
public final class AreaWriter {
    private AreaWriter() {
    }

    public static WriteResult write(NfcReader reader, WriteArea cmd) {
        TagType type;
        TagLayout layout;
        try (TagSession s = reader.select(cmd.uid())) {
            type = TagMemory.detect(s, s.tag());
            Optional<TagLayout> l = type.toyLayout();
            if (l.isEmpty()) {
                return WriteResult.of(Status.REJECTED, "tag type " + type + " has no toy layout");
            }
            layout = l.get();
            ToyAreas before = TagMemory.areas(s, cmd.pad(), cmd.slot(), cmd.uid(), type);
            if (before.digest() != cmd.expectedDigest()) {
                return WriteResult.of(Status.REJECTED, "the toy changed since the host read it (digest "
                        + hex(before.digest()) + ", planned from " + hex(cmd.expectedDigest())
                        + "); nothing written, its areas are reported again", before);
            }
            TagMemory.write(s, layout, writes(layout, cmd));
        } catch (ReaderException e) {
            return WriteResult.of(e.failure() == ReaderException.Failure.NO_TAG ? Status.NO_TAG : Status.FAILED,
                    "write interrupted (" + e.getMessage() + "); the toy keeps its previous record");
        } catch (IllegalArgumentException e) {
            return WriteResult.of(Status.REJECTED, e.getMessage());
        }
        try (TagSession s = reader.select(cmd.uid())) {
            ToyAreas after = TagMemory.areas(s, cmd.pad(), cmd.slot(), cmd.uid(), type);
            if (!holds(after, cmd, layout)) {
                return WriteResult.of(Status.FAILED, "read-back differs from the image written to area "
                        + cmd.target(), after);
            }
            return WriteResult.of(Status.OK, "wrote " + cmd.image().length() + " bytes to area " + cmd.target()
                    + (cmd.clearFirst() ? " (first unit cleared first)" : "") + ", read back", after);
        } catch (ReaderException e) {
            return WriteResult.of(Status.FAILED, "written but the read-back failed (" + e.getMessage() + ")");
        }
    }

    /** The target's first unit zeroed first (a blank target), then the image, its first unit last. */
    private static List<UnitWrite> writes(TagLayout layout, WriteArea cmd) {
        List<UnitWrite> writes = new ArrayList<>();
        if (cmd.clearFirst()) {
            writes.add(layout.clearFirstUnit(cmd.target()));
        }
        writes.addAll(layout.split(cmd.target(), cmd.image().bytes()));
        return writes;
    }

    /** Whether the target area now starts with the image padded with zeros to whole units, as it was written. */
    private static boolean holds(ToyAreas read, WriteArea cmd, TagLayout layout) {
        Optional<AreaBytes> area = switch (cmd.target()) {
            case A -> read.areaA();
            case B -> read.areaB();
        };
        byte[] image = cmd.image().bytes();
        int padded = (image.length + layout.unitSize() - 1) / layout.unitSize() * layout.unitSize();
        return area.map(AreaBytes::bytes).filter(b -> b.length >= padded)
                .map(b -> Arrays.equals(Arrays.copyOf(b, padded), Arrays.copyOf(image, padded))).orElse(false);
    }

    private static String hex(long digest) {
        return String.format("%016x", digest);
    }
}
