package dev.portal.hardware.sim.mfrc522;

import static dev.portal.hardware.mfrc522.Mfrc522Registers.*;

import dev.portal.hardware.iso14443a.CrcA;
import dev.portal.hardware.mfrc522.SelfTestReference;
import dev.portal.hardware.sim.rf.RfFrame;
import dev.portal.hardware.sim.rf.Reception;
import dev.portal.hardware.sim.rf.RfField;
import dev.portal.hardware.reader.RxGain;
import dev.portal.hardware.sim.tag.MifareAuthModel;
import java.util.Arrays;
import java.util.Random;

/** Executes the commands written to CommandReg against the chip state and the RF field. */
final class CommandUnit {
    private final Mfrc522RegisterFile chip;
    private final RfField field;
    private final int version;
    private final Random random;
    private boolean selfTestBroken;

    CommandUnit(Mfrc522RegisterFile chip, RfField field, int version, long seed) {
        this.chip = chip;
        this.field = field;
        this.version = version;
        this.random = new Random(seed);
    }

    RfField field() {
        return field;
    }

    void breakSelfTest(boolean broken) {
        selfTestBroken = broken;
    }

    /** Hard reset: registers were reset by the caller; the field follows the antenna drivers (now off). */
    void reset() {
        field.setOn(chip.antennaOn());
    }

    void start(int command) {
        chip.setCommand(command);
        if (command != CMD_IDLE && command != CMD_NO_CHANGE) {
            chip.set(ERROR, 0);
        }
        switch (command) {
            case CMD_SOFT_RESET -> {
                chip.resetRegisters();
                field.setOn(chip.antennaOn());
            }
            case CMD_MEM -> mem();
            case CMD_GENERATE_RANDOM_ID -> {
                byte[] id = new byte[10];
                random.nextBytes(id);
                System.arraycopy(id, 0, chip.internalBuffer, 0, 10);
                finish();
            }
            case CMD_CALC_CRC -> calcCrc();
            case CMD_TRANSMIT -> {
                transmit();
                finish();
            }
            case CMD_MF_AUTHENT -> authenticate();
            case CMD_TRANSCEIVE -> {
                if ((chip.get(BIT_FRAMING) & BIT_FRAMING_START_SEND) != 0) {
                    startSend();
                }
            }
            default -> {
                // Idle, NoCmdChange, Receive (nothing arrives unasked): nothing to do.
            }
        }
    }

    private void finish() {
        chip.setCommand(CMD_IDLE);
        chip.or(COM_IRQ, IRQ_IDLE);
    }

    private void mem() {
        if (chip.fifo.level() >= chip.internalBuffer.length) {
            byte[] all = chip.fifo.drain();
            System.arraycopy(all, 0, chip.internalBuffer, 0, chip.internalBuffer.length);
        } else if (chip.fifo.level() == 0) {
            for (byte b : chip.internalBuffer) {
                chip.fifo.push(b);
            }
        } else {
            chip.error(ERR_PROTOCOL);
        }
        finish();
    }

    private void calcCrc() {
        byte[] data = chip.fifo.drain();
        if ((chip.get(AUTO_TEST) & 0x0F) == AUTO_TEST_SELF_TEST) {
            selfTest(data);
        } else {
            int crc = CrcA.compute(data, 0, data.length, crcPreset());
            chip.set(CRC_RESULT_LSB, crc & 0xFF);
            chip.set(CRC_RESULT_MSB, crc >> 8);
            chip.or(STATUS1, 0x20);
        }
        // CalcCRC keeps running until Idle is written; completion shows as CRCIRq.
        chip.or(DIV_IRQ, DIV_IRQ_CRC);
    }

    private int crcPreset() {
        return switch (chip.get(MODE) & 0x03) {
            case 0 -> 0x0000;
            case 1 -> 0x6363;
            case 2 -> 0xA671;
            default -> 0xFFFF;
        };
    }

    /** The digital self-test: the reference bytes only when the datasheet procedure was followed. */
    private void selfTest(byte[] fifoBefore) {
        byte[] result = SelfTestReference.forVersion(version);
        boolean procedureFollowed = Arrays.equals(fifoBefore, new byte[1])
                && Arrays.equals(chip.internalBuffer, new byte[chip.internalBuffer.length]);
        if (result == null || !procedureFollowed) {
            result = new byte[FIFO_SIZE];
            new Random(version * 31L + Arrays.hashCode(chip.internalBuffer)).nextBytes(result);
        }
        if (selfTestBroken) {
            result[17] ^= 0x10;
        }
        for (byte b : result) {
            chip.fifo.push(b);
        }
    }

    private RfFrame frameFromFifo() {
        byte[] data = chip.fifo.drain();
        int txLastBits = chip.get(BIT_FRAMING) & 0x07;
        if (data.length == 0) {
            return RfFrame.empty();
        }
        if ((chip.get(TX_MODE) & TX_CRC_EN) != 0 && txLastBits == 0) {
            data = CrcA.append(data);
        }
        return RfFrame.withLastBits(data, txLastBits);
    }

    /** What the tags hear: nothing without 100 % ASK or with the antenna off. */
    private Reception air(RfFrame frame) {
        if ((chip.get(TX_ASK) & TX_ASK_FORCE_100) == 0 || !chip.antennaOn()) {
            field.meter().readerSentUnheard(frame);
            return Reception.silence();
        }
        return field.transceive(frame, RxGain.fromRegister(chip.get(RF_CFG))); // the gain decides what is heard
    }

    private void transmit() {
        RfFrame frame = frameFromFifo();
        if (frame.bitCount() > 0) {
            air(frame);
        }
        chip.or(COM_IRQ, IRQ_TX);
    }

    void startSend() {
        if (chip.command() != CMD_TRANSCEIVE) {
            return;
        }
        RfFrame frame = frameFromFifo();
        if (frame.bitCount() == 0) {
            return;
        }
        Reception reception = air(frame);
        chip.or(COM_IRQ, IRQ_TX);
        ChipTimer timer = ChipTimer.from(chip.regs);
        if (reception.isSilent() || timer.auto() && reception.delayMicros() > timer.periodMicros()) {
            timeout(timer);
            return;
        }
        receive(reception);
    }

    private void timeout(ChipTimer timer) {
        if (timer.auto()) {
            field.meter().waited(timer.periodMicros());
            chip.or(COM_IRQ, IRQ_TIMER);
        }
    }

    private void receive(Reception reception) {
        int rxAlign = (chip.get(BIT_FRAMING) >> 4) & 0x07;
        RfFrame in = reception.frame();
        int collision = reception.collisionBit();
        int total = rxAlign + in.bitCount();
        byte[] out = new byte[(total + 7) / 8];
        boolean clearAfterCollision = (chip.get(COLL) & 0x80) == 0;
        for (int i = 0; i < in.bitCount(); i++) {
            boolean cleared = collision >= 0 && i >= collision && clearAfterCollision;
            if (in.bit(i) && !cleared) {
                int p = rxAlign + i;
                out[p >> 3] |= (byte) (1 << (p & 7));
            }
        }
        int errors = 0;
        if (collision >= 0) {
            errors |= ERR_COLL;
            int position = rxAlign + collision + 1;
            int collReg = chip.get(COLL) & 0x80;
            chip.set(COLL, position <= 32 ? collReg | (position & 0x1F) : collReg | COLL_POS_NOT_VALID);
        } else {
            chip.set(COLL, chip.get(COLL) & 0x80 | COLL_POS_NOT_VALID);
        }
        if (reception.parityError()) {
            errors |= ERR_PARITY;
        }
        if ((chip.get(RX_MODE) & RX_CRC_EN) != 0 && total % 8 == 0) {
            if (out.length < 3 || !CrcA.check(out)) {
                errors |= ERR_CRC;
            } else {
                out = Arrays.copyOf(out, out.length - 2);
            }
        }
        for (byte b : out) {
            if (!chip.fifo.push(b)) {
                errors |= ERR_BUFFER_OVFL;
                break;
            }
        }
        chip.set(CONTROL, chip.get(CONTROL) & 0xF8 | total % 8);
        if (errors != 0) {
            chip.error(errors);
        }
        chip.or(COM_IRQ, IRQ_RX);
    }

    /** MFAuthent: FIFO holds 60|61, block, 6 key bytes, 4 UID bytes. */
    private void authenticate() {
        byte[] params = chip.fifo.drain();
        if (params.length < 12) {
            chip.error(ERR_PROTOCOL);
            finish();
            return;
        }
        byte[] key = Arrays.copyOfRange(params, 2, 8);
        byte[] uid4 = Arrays.copyOfRange(params, 8, 12);
        byte[] nR = new byte[4];
        random.nextBytes(nR);
        MifareAuthModel.Outcome outcome = MifareAuthModel.authenticate(this::air, params[0] & 0xFF,
                params[1] & 0xFF, key, uid4, nR);
        chip.or(COM_IRQ, IRQ_TX);
        switch (outcome) {
            case AUTHENTICATED -> {
                chip.or(STATUS2, STATUS2_MF_CRYPTO1_ON);
                finish();
            }
            case BAD_ANSWER -> {
                chip.error(ERR_PROTOCOL);
                finish();
            }
            default -> timeout(ChipTimer.from(chip.regs));
        }
    }
}
