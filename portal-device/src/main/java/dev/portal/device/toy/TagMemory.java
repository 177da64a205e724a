package dev.portal.device.toy;

import dev.portal.hardware.reader.MifareKey;
import dev.portal.hardware.reader.ReaderException;
import dev.portal.hardware.reader.TagFamily;
import dev.portal.hardware.reader.TagInfo;
import dev.portal.hardware.reader.TagSession;
import dev.portal.protocol.frame.TagType;
import dev.portal.protocol.frame.ToyAreas;
import dev.portal.protocol.id.Uid;
import dev.portal.protocol.toy.Area;
import dev.portal.protocol.toy.AreaBytes;
import dev.portal.protocol.toy.TagLayout;
import dev.portal.protocol.toy.UnitWrite;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads and writes a toy's save areas through a selected tag, in the units of its {@link TagLayout}, as bytes it
 * never judges: the host holds the toy key. MIFARE Classic sectors are opened with the factory key A (the toy
 * data is authenticated by its HMAC, not by sector keys).
 */
public final class TagMemory {
    private TagMemory() {
    }

    /**
     * The tag type: the family from the SAK, and for NTAG the capability container (page 3, byte 2: data area
     * size / 8), which tells 213 from 215 from 216 without a GET_VERSION.
     */
    public static TagType detect(TagSession session, TagInfo tag) throws ReaderException {
        return switch (tag.family()) {
            case MIFARE_CLASSIC_1K -> TagType.CLASSIC_1K;
            case MIFARE_CLASSIC_4K -> TagType.CLASSIC_4K;
            case MIFARE_CLASSIC_MINI -> TagType.CLASSIC_MINI;
            case NTAG -> switch (session.readPages(3)[2] & 0xFF) {
                case 0x12 -> TagType.NTAG213;
                case 0x3E -> TagType.NTAG215;
                case 0x6D -> TagType.NTAG216;
                default -> TagType.OTHER;
            };
            case UNKNOWN -> TagType.OTHER;
        };
    }

    /** The type when the tag could not be asked (e.g. it left during selection). */
    public static TagType guess(TagInfo tag) {
        return tag.family() == TagFamily.MIFARE_CLASSIC_1K ? TagType.CLASSIC_1K : TagType.OTHER;
    }

    /**
     * What the selected tag's two save areas hold, unjudged, for the host (ToyAreas). A type without a toy
     * layout ({@link TagType#toyLayout()}) gives empty areas; a reader failure propagates, so the caller keeps its
     * retry policy.
     */
    public static ToyAreas areas(TagSession s, int pad, int slot, Uid uid, TagType type) throws ReaderException {
        Optional<TagLayout> layout = type.toyLayout();
        if (layout.isEmpty()) {
            return unread(pad, slot, uid, type);
        }
        AreaBytes a = AreaBytes.of(readArea(s, layout.get(), Area.A));
        AreaBytes b = AreaBytes.of(readArea(s, layout.get(), Area.B));
        return new ToyAreas(pad, slot, uid, type, Optional.of(a), Optional.of(b));
    }

    /** A report of a tag whose areas could not be read (or that has none): the host judges it UNKNOWN. */
    public static ToyAreas unread(int pad, int slot, Uid uid, TagType type) {
        return new ToyAreas(pad, slot, uid, type, Optional.empty(), Optional.empty());
    }

    public static byte[] readArea(TagSession s, TagLayout layout, Area area) throws ReaderException {
        List<Integer> units = layout.units(area);
        List<byte[]> data = new ArrayList<>();
        if (layout == TagLayout.CLASSIC_1K) {
            int sector = -1;
            for (int block : units) {
                if (layout.sectorOf(block) != sector) {
                    sector = layout.sectorOf(block);
                    s.authenticate(block, MifareKey.factoryA());
                }
                data.add(s.readBlock(block));
            }
        } else {
            int first = units.get(0);
            int last = units.get(units.size() - 1);
            byte[] all = s.fastRead(first, last); // NTAG areas are consecutive pages
            for (int i = 0; i < units.size(); i++) {
                data.add(java.util.Arrays.copyOfRange(all, i * 4, i * 4 + 4));
            }
        }
        return layout.assemble(area, data);
    }

    public static void write(TagSession s, TagLayout layout, List<UnitWrite> writes) throws ReaderException {
        int sector = -1;
        for (UnitWrite w : writes) {
            if (layout == TagLayout.CLASSIC_1K) {
                if (layout.sectorOf(w.unit()) != sector) {
                    sector = layout.sectorOf(w.unit());
                    s.authenticate(w.unit(), MifareKey.factoryA());
                }
                s.writeBlock(w.unit(), w.data());
            } else {
                s.writePage(w.unit(), w.data());
            }
        }
    }
}
