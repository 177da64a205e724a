package dev.portal.hardware.sim.rf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.portal.hardware.iso14443a.Iso14443aActivation;
import dev.portal.hardware.iso14443a.NtagCommands;
import dev.portal.hardware.sim.tag.MifareClassic1k;
import dev.portal.hardware.sim.tag.Ntag21x;
import dev.portal.hardware.sim.tag.NtagType;
import dev.portal.hardware.reader.TagInfo;
import dev.portal.hardware.reader.Uid;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FieldTransceiverTest {

    @Test
    void theIsoLayerRunsStraightOnAField() throws Exception {
        RfField field = new RfField();
        Ntag21x ntag = new Ntag21x(NtagType.NTAG213, Uid.parse("04A1B2C3D4E5F6"));
        field.add(ntag);
        field.add(new MifareClassic1k(Uid.parse("04A1B2C3")));
        field.setOn(true);
        FieldTransceiver pcd = new FieldTransceiver(field);
        Iso14443aActivation iso = new Iso14443aActivation(pcd);
        Set<Uid> found = iso.enumerate().stream().map(TagInfo::uid).collect(Collectors.toSet());
        assertEquals(Set.of(Uid.parse("04A1B2C3D4E5F6"), Uid.parse("04A1B2C3")), found);
        iso.selectKnown(ntag.uid(), iso.wupa().orElseThrow());
        assertArrayEquals(Arrays.copyOfRange(ntag.dump(), 16, 32), new NtagCommands(pcd, 64).read(4));
    }
}
