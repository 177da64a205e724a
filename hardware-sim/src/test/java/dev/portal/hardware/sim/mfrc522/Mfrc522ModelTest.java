package dev.portal.hardware.sim.mfrc522;

import static dev.portal.hardware.mfrc522.Mfrc522Registers.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portal.hardware.iso14443a.CrcA;
import dev.portal.hardware.sim.rf.RfField;
import dev.portal.hardware.sim.tag.MifareClassic1k;
import dev.portal.hardware.reader.Uid;
import org.junit.jupiter.api.Test;

/** The model at register level, driven with raw SPI bytes as the datasheet describes them. */
class Mfrc522ModelTest {
    private final RfField field = new RfField();
    private final Mfrc522Model chip = new Mfrc522Model(field);

    private void write(int register, int... values) {
        byte[] out = new byte[values.length + 1];
        out[0] = (byte) writeAddress(register);
        for (int i = 0; i < values.length; i++) {
            out[i + 1] = (byte) values[i];
        }
        chip.transfer(out);
    }

    private int read(int register) {
        return chip.transfer(new byte[] {(byte) readAddress(register), 0})[1] & 0xFF;
    }

    private void initForTransceive() {
        write(T_MODE, 0x80);
        write(T_PRESCALER, 0xA9);
        write(T_RELOAD_HI, 0x00);
        write(T_RELOAD_LO, 39);
        write(TX_ASK, 0x40);
        write(TX_CONTROL, 0x83);
        write(COLL, 0x00);
        write(COM_IRQ, 0x7F);
    }

    @Test
    void readReturnsEachAddressedRegisterInTheNextByte() {
        byte[] miso = chip.transfer(new byte[] {(byte) readAddress(VERSION), (byte) readAddress(MODE),
            (byte) readAddress(RF_CFG), 0});
        assertArrayEquals(new byte[] {0, (byte) 0x92, 0x3F, 0x48}, miso);
    }

    @Test
    void writesOfSeveralBytesAllGoToTheFifo() {
        write(FIFO_DATA, 1, 2, 3);
        assertEquals(3, read(FIFO_LEVEL));
        byte[] miso = chip.transfer(new byte[] {(byte) readAddress(FIFO_DATA), (byte) readAddress(FIFO_DATA), 0});
        assertArrayEquals(new byte[] {0, 1, 2}, miso);
        write(FIFO_LEVEL, 0x80);
        assertEquals(0, read(FIFO_LEVEL));
    }

    @Test
    void fifoOverflowSetsBufferOvfl() {
        write(FIFO_DATA, new int[65]);
        assertEquals(64, read(FIFO_LEVEL));
        assertTrue((read(ERROR) & ERR_BUFFER_OVFL) != 0);
    }

    @Test
    void irqBitsAreSetWithSet1AndClearedWithout() {
        write(COM_IRQ, 0x7F);
        assertEquals(0, read(COM_IRQ));
        write(COM_IRQ, 0x80 | IRQ_TIMER | IRQ_RX);
        assertEquals(IRQ_TIMER | IRQ_RX, read(COM_IRQ));
        write(COM_IRQ, IRQ_RX);
        assertEquals(IRQ_TIMER, read(COM_IRQ));
    }

    @Test
    void calcCrcMatchesCrcA() {
        write(MODE, 0x3D); // CRC preset 0x6363; the reset value 0x3F presets 0xFFFF
        write(FIFO_DATA, 0x50, 0x00);
        write(COMMAND, CMD_CALC_CRC);
        assertTrue((read(DIV_IRQ) & DIV_IRQ_CRC) != 0);
        assertEquals(CrcA.compute(new byte[] {0x50, 0x00}), read(CRC_RESULT_LSB) | read(CRC_RESULT_MSB) << 8);
    }

    @Test
    void softResetShowsPowerDownForAWhileThenRestoresResetValues() {
        write(MODE, 0x3D);
        write(COMMAND, CMD_SOFT_RESET);
        assertTrue((read(COMMAND) & COMMAND_POWER_DOWN) != 0);
        while ((read(COMMAND) & COMMAND_POWER_DOWN) != 0) {
            assertTrue(chip.spiTransfers() < 100);
        }
        assertEquals(0x3F, read(MODE));
        assertEquals(1, chip.softResets());
    }

    @Test
    void transceiveWithNobodyInTheFieldRaisesTheTimerIrqAndCountsTheWait() {
        initForTransceive();
        write(COM_IRQ, 0x7F);
        write(FIFO_DATA, 0x52);
        write(BIT_FRAMING, 0x07);
        write(COMMAND, CMD_TRANSCEIVE);
        write(BIT_FRAMING, 0x87);
        assertEquals(IRQ_TX | IRQ_TIMER, read(COM_IRQ));
        assertEquals(1000, field.meter().waitMicros(), "40 ticks of 25 us");
    }

    @Test
    void collidingAnswersSetCollErrAndCollPos() {
        initForTransceive();
        field.add(new MifareClassic1k(Uid.parse("11223344")));
        field.add(new MifareClassic1k(Uid.parse("112A3344")));
        write(FIFO_DATA, 0x52);
        write(BIT_FRAMING, 0x07);
        write(COMMAND, CMD_TRANSCEIVE);
        write(BIT_FRAMING, 0x87);
        write(COMMAND, CMD_IDLE);
        write(COM_IRQ, 0x7F);
        write(FIFO_LEVEL, 0x80);
        write(FIFO_DATA, 0x93, 0x20);
        write(BIT_FRAMING, 0x00);
        write(COMMAND, CMD_TRANSCEIVE);
        write(BIT_FRAMING, 0x80);
        assertTrue((read(COM_IRQ) & IRQ_RX) != 0);
        assertTrue((read(ERROR) & ERR_COLL) != 0);
        assertEquals(12, read(COLL) & 0x1F, "bit 3 of byte 1 is the 12th bit");
        assertEquals(5, read(FIFO_LEVEL));
        assertEquals(0x11, read(FIFO_DATA));
        assertEquals(0x02, read(FIFO_DATA), "bits after the collision read as 0 (ValuesAfterColl = 0)");
    }

    @Test
    void withoutOneHundredPercentAskTagsDoNotHearTheReader() {
        initForTransceive();
        write(TX_ASK, 0x00);
        field.add(new MifareClassic1k(Uid.parse("11223344")));
        write(FIFO_DATA, 0x52);
        write(BIT_FRAMING, 0x07);
        write(COMMAND, CMD_TRANSCEIVE);
        write(BIT_FRAMING, 0x87);
        assertEquals(IRQ_TX | IRQ_TIMER, read(COM_IRQ));
    }

    @Test
    void deadBusReadsZerosAndIgnoresWrites() {
        chip.busFaults().busDead(true);
        write(MODE, 0x00);
        assertEquals(0, read(VERSION));
        chip.busFaults().busDead(false);
        assertEquals(0x3F, read(MODE));
    }
}
