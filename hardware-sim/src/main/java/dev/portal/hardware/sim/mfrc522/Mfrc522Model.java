package dev.portal.hardware.sim.mfrc522;

import static dev.portal.hardware.mfrc522.Mfrc522Registers.*;

import dev.portal.hardware.sim.pi4j.SpiDevice;
import dev.portal.hardware.sim.rf.FaultInjector;
import dev.portal.hardware.sim.rf.RfField;

/**
 * A register-level model of an NXP MFRC522 on SPI, driving one {@link RfField}. It speaks the SPI byte
 * protocol of the datasheet (address byte: bit 7 read, address in bits 6..1; a read returns the value of the
 * register named in byte i in MISO byte i+1; a write sends every data byte to the same register) and models
 * what a driver uses: command execution (Idle, Mem, GenerateRandomID, CalcCRC incl. the digital self-test,
 * Transmit, Transceive, MFAuthent, SoftReset), interrupt request bits with their Set1/Set2 write semantics,
 * error and collision registers, the 64-byte FIFO, bit framing (TxLastBits, RxAlign, RxLastBits), the timer
 * (TAuto only: it runs from the end of transmission and raises TimerIRq when nobody answered in time),
 * TxControl antenna drivers, TxASK (tags only hear 100 % ASK), CRC enables, RFCfg gain and VersionReg.
 *
 * <p>Time is modelled, not waited for: a command completes at once and the timer expires at once when nobody
 * answers; the {@link dev.portal.hardware.sim.rf.AirTimeMeter} of the field accumulates the air time and
 * the waits. After a soft reset CommandReg shows PowerDown for a few reads, so drivers must poll for it.
 * A dead bus ({@link FaultInjector#busDead(boolean)}) reads as all zeros and ignores writes; so does a chip
 * whose reset line is held low. Thread-safe.
 */
public final class Mfrc522Model implements SpiDevice {
    public static final int VERSION_1_0 = 0x91;
    public static final int VERSION_2_0 = 0x92;
    public static final int VERSION_CLONE = 0x88;

    private final Mfrc522RegisterFile chip = new Mfrc522RegisterFile();
    private final CommandUnit commands;
    private final FaultInjector busFaults;
    private final int version;
    private int powerDownReads;
    private boolean inReset;
    private long spiTransfers;
    private long softResets;
    private long hardResets;

    public Mfrc522Model(RfField field, int version, FaultInjector busFaults, long seed) {
        this.version = version;
        this.busFaults = busFaults;
        this.commands = new CommandUnit(chip, field, version, seed);
    }

    /** A version 2.0 chip with its own fault injector. */
    public Mfrc522Model(RfField field) {
        this(field, VERSION_2_0, FaultInjector.none(), 1);
    }

    public FaultInjector busFaults() {
        return busFaults;
    }

    public RfField field() {
        return commands.field();
    }

    /** The NRSTPD line: low holds the chip in hard power-down (field off, no SPI), a rising edge resets it. */
    public synchronized void setResetLine(boolean high) {
        if (!high) {
            inReset = true;
            commands.field().setOn(false);
        } else if (inReset) {
            inReset = false;
            hardResets++;
            chip.resetRegisters();
            commands.reset();
            powerDownReads = 2;
        }
    }

    /** Makes the digital self-test produce wrong bytes (a damaged chip). */
    public synchronized void breakSelfTest(boolean broken) {
        commands.breakSelfTest(broken);
    }

    public synchronized long spiTransfers() {
        return spiTransfers;
    }

    public synchronized long softResets() {
        return softResets;
    }

    public synchronized long hardResets() {
        return hardResets;
    }

    /** A register as the chip holds it, without side effects (for tests). */
    public synchronized int peek(int register) {
        return register == VERSION ? version : chip.get(register);
    }

    @Override
    public synchronized byte[] transfer(byte[] mosi) {
        spiTransfers++;
        byte[] miso = new byte[mosi.length];
        if (mosi.length == 0 || inReset || busFaults.isBusDead()) {
            return miso;
        }
        if ((mosi[0] & 0x80) != 0) {
            for (int i = 0; i + 1 < mosi.length; i++) {
                miso[i + 1] = (byte) read((mosi[i] >> 1) & 0x3F);
            }
        } else {
            int register = (mosi[0] >> 1) & 0x3F;
            for (int i = 1; i < mosi.length; i++) {
                write(register, mosi[i] & 0xFF);
            }
        }
        return miso;
    }

    private int read(int register) {
        return switch (register) {
            case FIFO_DATA -> chip.fifo.pop() & 0xFF;
            case FIFO_LEVEL -> chip.fifo.level();
            case VERSION -> version;
            case COMMAND -> {
                int value = chip.get(COMMAND);
                if (powerDownReads > 0) {
                    powerDownReads--;
                    value |= COMMAND_POWER_DOWN;
                }
                yield value;
            }
            default -> chip.get(register);
        };
    }

    private void write(int register, int value) {
        switch (register) {
            case COMMAND -> {
                chip.set(COMMAND, chip.get(COMMAND) & 0x0F | value & 0xF0);
                int command = value & 0x0F;
                if (command == CMD_SOFT_RESET) {
                    softResets++;
                    powerDownReads = 2;
                }
                commands.start(command);
            }
            case COM_IRQ -> setOrClear(COM_IRQ, value, 0x7F);
            case DIV_IRQ -> setOrClear(DIV_IRQ, value, 0x14);
            case FIFO_DATA -> {
                if (!chip.fifo.push((byte) value)) {
                    chip.error(ERR_BUFFER_OVFL);
                }
            }
            case FIFO_LEVEL -> {
                if ((value & FIFO_FLUSH) != 0) {
                    chip.fifo.flush();
                    chip.clear(ERROR, ERR_BUFFER_OVFL);
                }
            }
            case BIT_FRAMING -> {
                chip.set(BIT_FRAMING, value);
                if ((value & BIT_FRAMING_START_SEND) != 0) {
                    commands.startSend();
                }
            }
            case CONTROL -> chip.set(CONTROL, chip.get(CONTROL) & 0x07 | value & 0x30);
            case STATUS2 -> chip.set(STATUS2, chip.get(STATUS2) & value & STATUS2_MF_CRYPTO1_ON
                    | value & 0xC0 | chip.get(STATUS2) & 0x07);
            case TX_CONTROL -> {
                chip.set(TX_CONTROL, value);
                commands.field().setOn(chip.antennaOn());
            }
            case ERROR, STATUS1, VERSION, CRC_RESULT_MSB, CRC_RESULT_LSB, T_COUNTER_HI, T_COUNTER_LO -> {
                // read-only
            }
            default -> chip.set(register, value);
        }
    }

    private void setOrClear(int register, int value, int mask) {
        if ((value & 0x80) != 0) {
            chip.or(register, value & mask);
        } else {
            chip.clear(register, value & mask);
        }
    }
}
