package dev.portal.hardware.mfrc522;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portal.hardware.sim.rf.Transponder;
import dev.portal.hardware.sim.tag.MifareClassic1k;
import dev.portal.hardware.sim.tag.Ntag21x;
import dev.portal.hardware.sim.tag.NtagType;
import dev.portal.hardware.sim.tag.PlainTypeATag;
import dev.portal.hardware.reader.TagFamily;
import dev.portal.hardware.reader.TagInfo;
import dev.portal.protocol.id.Uid;
import dev.portal.testsupport.property.Gen;
import dev.portal.testsupport.property.Property;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class Mfrc522EnumerationTest {

    private static Set<Uid> uids(List<TagInfo> tags) {
        return tags.stream().map(TagInfo::uid).collect(Collectors.toSet());
    }

    private static Set<Uid> scan(Mfrc522Rig rig, Transponder... tags) throws Exception {
        for (Transponder t : tags) {
            rig.field().add(t);
        }
        List<TagInfo> found = rig.reader().scan();
        assertEquals(tags.length, found.size(), "found " + found);
        return uids(found);
    }

    @Test
    void oneTagOfEachKindWithFamilyAtqaAndSak() throws Exception {
        try (Mfrc522Rig rig = Mfrc522Rig.single()) {
            rig.field().add(new Ntag21x(NtagType.NTAG215, Uid.parse("04A1B2C3D4E5F6")));
            TagInfo ntag = rig.reader().scan().getFirst();
            assertEquals(TagFamily.NTAG, ntag.family());
            assertEquals(0x0044, ntag.atqa());
            assertEquals(0x00, ntag.sak());
            rig.field().remove(rig.field().tags().getFirst());
            rig.field().add(new MifareClassic1k(Uid.parse("DEADBEEF")));
            TagInfo classic = rig.reader().scan().getFirst();
            assertEquals(Uid.parse("DEADBEEF"), classic.uid());
            assertEquals(TagFamily.MIFARE_CLASSIC_1K, classic.family());
            assertEquals(0x0004, classic.atqa());
        }
    }

    @Test
    void twoTagsCollidingInTheFirstBit() throws Exception {
        try (Mfrc522Rig rig = Mfrc522Rig.single()) {
            Set<Uid> found = scan(rig, new MifareClassic1k(Uid.parse("10203040")),
                    new MifareClassic1k(Uid.parse("11203040")));
            assertEquals(Set.of(Uid.parse("10203040"), Uid.parse("11203040")), found);
        }
    }

    @Test
    void twoTagsCollidingOnlyInTheLastUidBitAtLevelTwo() throws Exception {
        try (Mfrc522Rig rig = Mfrc522Rig.single()) {
            Set<Uid> found = scan(rig, new Ntag21x(NtagType.NTAG213, Uid.parse("04111111222222")),
                    new Ntag21x(NtagType.NTAG213, Uid.parse("041111112222A2")));
            assertEquals(Set.of(Uid.parse("04111111222222"), Uid.parse("041111112222A2")), found);
        }
    }

    @Test
    void fourTagsOfFourSevenAndTenByteUidsSharingPrefixes() throws Exception {
        try (Mfrc522Rig rig = Mfrc522Rig.single()) {
            // 0x08 (random single UID) vs the cascade tag 0x88 of the others: collision in bit 7 of byte 0;
            // the 7- and 10-byte UIDs share 0x88 04 11 00 at level 1 and differ deeper.
            Transponder a = new MifareClassic1k(Uid.parse("08041100"));
            Transponder b = new Ntag21x(NtagType.NTAG215, Uid.parse("04110022334455"));
            Transponder c = new MifareClassic1k(Uid.parse("04110022334456"));
            Transponder d = new PlainTypeATag(Uid.parse("0411002233AABBCCDDEE"));
            Set<Uid> found = scan(rig, a, b, c, d);
            assertEquals(Set.of(a.uid(), b.uid(), c.uid(), d.uid()), found);
        }
    }

    @Test
    void tagsLeftHaltedByAScanAreFoundAgainByTheNextOneThroughWupa() throws Exception {
        try (Mfrc522Rig rig = Mfrc522Rig.single()) {
            Set<Uid> first = scan(rig, new MifareClassic1k(Uid.parse("01020304")),
                    new Ntag21x(NtagType.NTAG213, Uid.parse("04A1B2C3D4E5F6")));
            assertEquals(first, uids(rig.reader().scan()));
            assertEquals(first, uids(rig.reader().scan()));
        }
    }

    @Test
    void emptyFieldCostsOneWupa() throws Exception {
        try (Mfrc522Rig rig = Mfrc522Rig.single()) {
            rig.reader().scan(); // timer set to the activation timeout once
            long frames = rig.field().meter().readerFrames();
            assertTrue(rig.reader().scan().isEmpty());
            assertEquals(frames + 1, rig.field().meter().readerFrames());
        }
    }

    @Test
    void anySetOfDistinctUidsIsEnumeratedExactly() {
        Property.forAll(40, uidSets(), this::anySetOfDistinctUidsIsEnumeratedExactly);
    }

    private void anySetOfDistinctUidsIsEnumeratedExactly(Set<Uid> uids) throws Exception {
        try (Mfrc522Rig rig = Mfrc522Rig.single()) {
            for (Uid uid : uids) {
                rig.field().add(uid.length() == 7 ? new Ntag21x(NtagType.NTAG213, uid) : new PlainTypeATag(uid));
            }
            assertEquals(uids, new HashSet<>(uids(rig.reader().scan())));
        }
    }

    private static Gen<Set<Uid>> uidSets() {
        // Few distinct byte values so that UIDs share long prefixes and collide deep inside.
        Gen<Byte> b = Gen.of((byte) 0x00, (byte) 0x01, (byte) 0x80, (byte) 0x88, (byte) 0xFF);
        Gen<Uid> uid = Gen.of(4, 7, 10)
                .flatMap(n -> Gen.bytes(b, n, n))
                .filter(bytes -> bytes.length == 4 ? (bytes[0] & 0xFF) != 0x88 : true)
                .map(Uid::of);
        return uid.set(1, 5);
    }
}
