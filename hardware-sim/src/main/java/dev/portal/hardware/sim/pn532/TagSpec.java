package dev.portal.hardware.sim.pn532;

import dev.portal.hardware.sim.rf.Transponder;
import dev.portal.hardware.sim.tag.MifareClassic1k;
import dev.portal.hardware.sim.tag.Ntag21x;
import dev.portal.hardware.sim.tag.NtagType;
import dev.portal.hardware.reader.Uid;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A tag given on the command line as {@code TYPE:UID[:DUMP]}: TYPE classic1k, ntag213 or ntag215; UID in hex;
 * DUMP a raw memory image (1024 bytes for a Classic 1K as nfc-mfclassic writes it, every page for an NTAG).
 */
public record TagSpec(String type, Uid uid, Optional<Path> dump) {

    public static TagSpec parse(String text) {
        String[] parts = text.split(":", 3);
        if (parts.length < 2) {
            throw new IllegalArgumentException("--tag wants TYPE:UID[:DUMP], got '" + text + "'");
        }
        String type = parts[0].toLowerCase(java.util.Locale.ROOT);
        if (!type.equals("classic1k") && !type.equals("ntag213") && !type.equals("ntag215")) {
            throw new IllegalArgumentException("unknown tag type '" + parts[0] + "' (classic1k, ntag213, ntag215)");
        }
        Uid uid;
        try {
            uid = Uid.parse(parts[1]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad UID '" + parts[1] + "': " + e.getMessage(), e);
        }
        return new TagSpec(type, uid, parts.length == 3 ? Optional.of(Path.of(parts[2])) : Optional.empty());
    }

    /** Builds the virtual tag; a dump that does not fit the type is refused with the reason. */
    public Transponder build() throws IOException {
        byte[] memory = dump.isPresent() ? Files.readAllBytes(dump.get()) : null;
        return switch (type) {
            case "classic1k" -> memory == null ? new MifareClassic1k(uid) : new MifareClassic1k(uid, memory);
            default -> {
                NtagType t = type.equals("ntag213") ? NtagType.NTAG213 : NtagType.NTAG215;
                yield memory == null ? new Ntag21x(t, uid) : new Ntag21x(t, uid, memory);
            }
        };
    }
}
