package dev.portal.hardware.pn532;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portal.hardware.sim.pn532.LinkFault;
import dev.portal.hardware.pn532.transport.UartTransport;
import dev.portal.hardware.reader.AntennaGain;
import dev.portal.hardware.reader.ReaderException;
import dev.portal.hardware.reader.ReaderException.Failure;
import dev.portal.hardware.reader.TagInfo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import dev.portal.hardware.reader.ReaderFault;
import dev.portal.hardware.reader.ReaderHealth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The driver's host-link recovery: noise, lost ACKs, NACKs, corrupt frames, a silent chip, a vanished port. */
class Pn532LinkRecoveryTest {
    @TempDir
    Path dir;
    ModelOnPty chip;
    Pn532Reader reader;

    @BeforeEach
    void start() throws Exception {
        chip = new ModelOnPty(dir);
        chip.field.add(Tags.classic(Tags.CLASSIC_4));
        reader = Pn532Reader.open(UartTransport.open(chip.hostEnd()), Pn532UartDriverTest.TIMEOUTS);
    }

    @AfterEach
    void stop() {
        try {
            if (reader != null) {
                reader.close();
            }
        } finally {
            if (chip != null) {
                chip.close();
            }
        }
    }

    private void scanFindsTheTag() throws ReaderException {
        List<TagInfo> tags = reader.scan();
        assertEquals(1, tags.size());
        assertEquals(Tags.CLASSIC_4, tags.get(0).uid());
    }

    @Test
    void garbageBeforeTheAckIsSkipped() throws Exception {
        chip.model.inject(LinkFault.GARBAGE_BEFORE_NEXT_FRAME);
        assertTrue(reader.selfTest().passed());
        assertTrue(reader.linkCounters().corruptFrames() > 0, reader.linkCounters().toString());
        assertEquals(0, reader.linkCounters().resends());
    }

    @Test
    void aLostAckIsToleratedWhenTheResponseArrives() throws Exception {
        chip.model.inject(LinkFault.DROP_NEXT_ACK);
        assertEquals(new AntennaGain(33), reader.antennaGain());
        assertEquals(1, reader.linkCounters().lostAcks());
    }

    @Test
    void aNackMakesTheDriverSendAgain() throws Exception {
        chip.model.inject(LinkFault.NACK_NEXT_COMMAND);
        scanFindsTheTag();
        assertEquals(1, reader.linkCounters().nacks());
        assertEquals(1, reader.linkCounters().resends());
    }

    @Test
    void aCorruptResponseIsAskedForAgain() throws Exception {
        chip.model.inject(LinkFault.CORRUPT_NEXT_RESPONSE);
        assertEquals("1.6", reader.chipInfo().version());
        assertTrue(reader.selfTest().passed());
        assertEquals(1, reader.linkCounters().corruptFrames());
        assertEquals(0, reader.linkCounters().resends());
    }

    @Test
    void anIgnoredCommandIsSentAgainAfterTheAckTimeout() throws Exception {
        chip.model.inject(LinkFault.IGNORE_NEXT_COMMAND);
        scanFindsTheTag();
        assertEquals(1, reader.linkCounters().ackTimeouts());
        assertEquals(1, reader.linkCounters().resends());
    }

    @Test
    void aChipThatStopsAnsweringIsBusDeadNotAHang() {
        chip.field.faults().busDead(true);
        long start = System.nanoTime();
        ReaderException e = assertThrows(ReaderException.class, reader::scan);
        assertEquals(Failure.BUS_DEAD, e.failure());
        // two attempts of one 300 ms ACK wait each
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 1500);
    }

    @Test
    void aChipThatComesBackIsWokenReinitialisedAndReported() throws Exception {
        List<ReaderFault> faults = new CopyOnWriteArrayList<>();
        reader.close();
        reader = Pn532Reader.open(UartTransport.open(chip.hostEnd()), Pn532UartDriverTest.TIMEOUTS, faults::add);
        chip.field.faults().busDead(true);
        assertEquals(Failure.BUS_DEAD, assertThrows(ReaderException.class, reader::scan).failure());
        chip.model.powerCycle(); // back, but asleep and unconfigured
        chip.field.faults().busDead(false);
        scanFindsTheTag();
        assertEquals(2, faults.size(), faults.toString());
        assertFalse(faults.get(0).recovered());
        assertTrue(faults.get(1).recovered());
        ReaderHealth health = reader.health();
        assertEquals(2, health.resets());
        assertEquals(1, health.busDead());
    }

    @Test
    void aVanishedPortIsBusDeadWithinTheTimeout() {
        chip.close(); // socat killed: both pty ends disappear
        long start = System.nanoTime();
        ReaderException e = assertThrows(ReaderException.class, reader::scan);
        assertEquals(Failure.BUS_DEAD, e.failure(), e.getMessage());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 1500);
    }
}
