package dev.portal.hardware.sim.mfrc522;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.context.Context;
import dev.portal.hardware.mfrc522.Mfrc522Options;
import dev.portal.hardware.mfrc522.Mfrc522Reader;
import dev.portal.hardware.sim.tag.Ntag21x;
import dev.portal.hardware.sim.tag.NtagType;
import dev.portal.hardware.reader.Uid;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatedMfrc522PortalTest {

    @Test
    void readersFollowATagMovedBetweenPads() throws Exception {
        SimulatedMfrc522Portal sim = new SimulatedMfrc522Portal(3, 42);
        Context context = sim.newContext();
        try {
            List<Mfrc522Reader> readers = sim.openReaders(context, Mfrc522Options.DEFAULT);
            Ntag21x toy = new Ntag21x(NtagType.NTAG215, Uid.parse("04C0FFEE123456"));
            sim.portal().place(toy, 1);
            assertTrue(readers.get(0).scan().isEmpty());
            assertEquals(toy.uid(), readers.get(1).scan().getFirst().uid());
            sim.portal().move(toy, 2);
            assertTrue(readers.get(1).scan().isEmpty());
            assertEquals(toy.uid(), readers.get(2).scan().getFirst().uid());
            assertTrue(sim.spiProvider().counters(0, 2).transfers() > 0);
        } finally {
            context.shutdown();
        }
    }
}
