package dev.portal.hardware.mfrc522;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import dev.portal.hardware.sim.mfrc522.Mfrc522Model;
import dev.portal.hardware.sim.pi4j.ModelSpiProvider;
import dev.portal.hardware.sim.rf.RfField;
import dev.portal.hardware.sim.tag.MifareClassic1k;
import dev.portal.hardware.reader.ReaderException;
import dev.portal.hardware.reader.ReaderException.Failure;
import dev.portal.hardware.reader.ReaderFault;
import dev.portal.hardware.reader.Uid;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A chip whose interrupt bits stop coming (a hung chip: the bus still answers, the logic does not). */
class Mfrc522WatchdogTest {

    @Test
    void chipThatStopsRaisingInterruptsIsResetReportedAndTheCallFailsWithTimeout() throws Exception {
        RfField field = new RfField();
        field.add(new MifareClassic1k(Uid.parse("01020304")));
        Mfrc522Model chip = new Mfrc522Model(field);
        AtomicBoolean hung = new AtomicBoolean();
        AtomicInteger irqReads = new AtomicInteger();
        byte comIrqRead = (byte) Mfrc522Registers.readAddress(Mfrc522Registers.COM_IRQ);
        ModelSpiProvider spi = new ModelSpiProvider().attach(0, 0, mosi -> {
            byte[] miso = chip.transfer(mosi);
            if (hung.get() && mosi.length == 2 && mosi[0] == comIrqRead) {
                irqReads.incrementAndGet();
                return new byte[2];
            }
            return miso;
        });
        Context context = Pi4J.newContextBuilder().add(spi).build();
        try {
            List<ReaderFault> faults = new CopyOnWriteArrayList<>();
            Mfrc522Reader reader = new Mfrc522ReaderFactory(context, ModelSpiProvider.ID, 0, 1_000_000)
                    .open(new Mfrc522ReaderFactory.PadWiring(0, null), Mfrc522Options.DEFAULT.withListener(faults::add));
            assertEquals(1, reader.scan().size());
            hung.set(true);
            ReaderException e = assertThrows(ReaderException.class, reader::scan);
            assertEquals(Failure.TIMEOUT, e.failure());
            assertTrue(e.getMessage().contains("no interrupt"), e.getMessage());
            assertEquals(1, faults.size());
            assertTrue(faults.getFirst().recovered(), "the chip still answers on the bus, so the reset worked");
            assertEquals(1, reader.health().stalls());
            assertTrue(irqReads.get() > 3, "the interrupt register was polled several times");
            assertTrue(irqReads.get() < 400, "polling sleeps between looks: " + irqReads.get() + " reads in ~100 ms");
            assertEquals(2, chip.softResets(), "opened, then reset once by the watchdog");
            hung.set(false);
            assertEquals(1, reader.scan().size());
        } finally {
            context.shutdown();
        }
    }
}
