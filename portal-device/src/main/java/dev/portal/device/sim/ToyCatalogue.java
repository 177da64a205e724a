package dev.portal.device.sim;

import dev.portal.hardware.sim.tag.ForeignTagSpec;
import dev.portal.hardware.sim.tag.MifareClassic1k;
import dev.portal.hardware.sim.tag.Ntag21x;
import dev.portal.hardware.sim.tag.NtagType;
import dev.portal.hardware.sim.tag.VirtualTag;
import dev.portal.protocol.id.Uid;
import dev.portal.protocol.toy.Leveling;
import dev.portal.protocol.toy.Area;
import dev.portal.protocol.toy.CoCreation;
import dev.portal.protocol.toy.Colours;
import dev.portal.protocol.toy.FleetKey;
import dev.portal.protocol.toy.TagLayout;
import dev.portal.protocol.toy.ToyImage;
import dev.portal.protocol.toy.ToyRecord;
import dev.portal.protocol.toy.UnitWrite;
import dev.portal.protocol.toy.Upgrades;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Sample toys for the simulator, each with a fixed UID and (for the signed ones) a record signed with the toy key
 * it was given, so a host holding that key judges them RECOGNISED; plus a blank tag, a tampered one and one with
 * foreign data. A UID that is not in the catalogue makes a blank NTAG213 with that UID. The catalogue is the
 * simulated toy factory: the key stays here, and the portal service it feeds never sees it.
 */
public final class ToyCatalogue {
    /** A catalogue entry: how to make a fresh tag for it. */
    public record Sample(String name, Uid uid, String description) {
    }

    private final FleetKey key;
    private final Map<String, Sample> samples = new LinkedHashMap<>();
    private final Map<String, String> foreignSpecs = new LinkedHashMap<>();

    public ToyCatalogue(FleetKey key) {
        this.key = key;
        add("dragon", "04D7A9C1E25B80", "NTAG213, signed record: Ember the dragon, level 3");
        add("knight", "04B10C2D3E4F51", "NTAG215, signed record: Sir Brave, level 7");
        add("robot", "9A3C5E71", "MIFARE Classic 1K, signed record: Bolt the robot, level 1");
        add("wizard", "04E15F26A73B92", "NTAG213, signed record: Merla, level 12");
        add("blank", "04AA00000000B1", "NTAG213, factory fresh: reads BLANK");
        add("tampered", "04BAD0000000C2", "NTAG213, signed record with one byte changed: reads TAMPERED");
        add("stranger", "04FEED000000D3", "NTAG213 with another application's data: reads UNKNOWN");
        addForeign("spyro", "skylander:0x1c3:0x3000@7457caa9", "Skylanders figure, character 0x01c3: reads FOREIGN");
        addForeign("link", "amiibo:0x0100:0:0@04a61672613e80", "amiibo figure, character 0x0100: reads FOREIGN");
        addForeign("wyldstyle", "lego:3@0413bb1a994080", "LEGO Dimensions character 3: reads FOREIGN");
        addForeign("batmobile", "lego:1123@0462b68ab44280", "LEGO Dimensions vehicle 1123: reads FOREIGN");
        addForeign("fake-skylander", "skylander:0x1c3@01020304!",
                "claims Skylanders, fails its CRC-16: reads FOREIGN, check failed");
    }

    /** A toy of another line, made from a foreign toy spec (LINE:ID[:VARIANT[:SERIES]][@UID][!]). */
    private void addForeign(String name, String spec, String description) {
        foreignSpecs.put(name, spec);
        samples.put(name, new Sample(name, ForeignTagSpec.parse(spec).uid(), description));
    }

    private void add(String name, String uidHex, String description) {
        samples.put(name, new Sample(name, Uid.parse(uidHex), description));
    }

    public Map<String, Sample> samples() {
        return samples;
    }

    /** The UID a console argument names: a catalogue name, a foreign toy spec or a hex UID. */
    public Optional<Uid> resolve(String nameOrUid) {
        Sample s = samples.get(nameOrUid.toLowerCase(Locale.ROOT));
        if (s != null) {
            return Optional.of(s.uid());
        }
        if (ForeignTagSpec.looksLikeOne(nameOrUid)) {
            return Optional.of(ForeignTagSpec.parse(nameOrUid).uid());
        }
        try {
            return Optional.of(Uid.parse(nameOrUid));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The record a signed sample carries. */
    public Optional<ToyRecord> record(String name) {
        return Optional.ofNullable(switch (name) {
            case "dragon", "tampered" -> new ToyRecord(101, 1, new CoCreation("Ember", new Colours(0xD03010, 0xFFB000,
                    0x202020), Upgrades.NONE, 1200, Leveling.levelFor(1200)));
            case "knight" -> new ToyRecord(205, 2, new CoCreation("Sir Brave", new Colours(0x2050C0, 0xE0E0E0,
                    0xC0A000), Upgrades.NONE, 9100, Leveling.levelFor(9100)));
            case "robot" -> new ToyRecord(330, 0, new CoCreation("Bolt", new Colours(0x808890, 0x00A0FF, 0xFF4000),
                    Upgrades.NONE, 40, Leveling.levelFor(40)));
            case "wizard" -> new ToyRecord(412, 3, new CoCreation("Merla", new Colours(0x6020A0, 0xF0E060, 0x10A080),
                    Upgrades.NONE, 52000, Leveling.levelFor(52000)));
            default -> null;
        });
    }

    /** A fresh tag for a catalogue name or UID. */
    public VirtualTag make(String nameOrUid) {
        String name = nameOrUid.toLowerCase(Locale.ROOT);
        if (foreignSpecs.containsKey(name) || ForeignTagSpec.looksLikeOne(name)) {
            return ForeignTagSpec.parse(foreignSpecs.getOrDefault(name, name)).build();
        }
        Sample s = samples.get(name);
        Uid uid = s != null ? s.uid() : Uid.parse(nameOrUid);
        if (name.equals("robot")) {
            byte[] dump = MifareClassic1k.factoryDump(uid);
            for (UnitWrite w : image(name, uid, TagLayout.CLASSIC_1K)) {
                System.arraycopy(w.data(), 0, dump, w.unit() * 16, 16);
            }
            return new MifareClassic1k(uid, dump);
        }
        if (uid.length() == 4) {
            return new MifareClassic1k(uid);
        }
        NtagType type = name.equals("knight") ? NtagType.NTAG215 : NtagType.NTAG213;
        byte[] pages = Ntag21x.factoryPages(type, uid);
        TagLayout layout = type == NtagType.NTAG215 ? TagLayout.NTAG215 : TagLayout.NTAG213;
        for (UnitWrite w : image(name, uid, layout)) {
            System.arraycopy(w.data(), 0, pages, w.unit() * 4, 4);
        }
        if (name.equals("tampered")) {
            pages[layout.units(Area.A).get(2) * 4] ^= 0x01; // inside the body: the HMAC no longer matches
        }
        if (name.equals("stranger")) {
            byte[] foreign = "\u0003\u0010\u00D1\u0001\u000CU\u0004example.org\u00FE".getBytes(
                    java.nio.charset.StandardCharsets.ISO_8859_1);
            System.arraycopy(foreign, 0, pages, 4 * 4, foreign.length);
            System.arraycopy(foreign, 0, pages, layout.units(Area.B).get(0) * 4, foreign.length);
        }
        return new Ntag21x(type, uid, pages);
    }

    private java.util.List<UnitWrite> image(String name, Uid uid, TagLayout layout) {
        return record(name).map(r -> layout.split(Area.A, ToyImage.encode(r, uid.bytes(), key, 1)))
                .orElse(java.util.List.of());
    }
}
