package dev.portal.hardware.mfrc522;

import static dev.portal.hardware.mfrc522.Mfrc522Registers.*;

import com.pi4j.io.gpio.digital.DigitalOutput;
import dev.portal.hardware.reader.RxGain;
import dev.portal.protocol.frame.AntennaGain;
import dev.portal.hardware.reader.ChipInfo;
import dev.portal.hardware.reader.ReaderException;
import dev.portal.hardware.reader.ReaderException.Failure;
import dev.portal.hardware.reader.SelfTestResult;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.locks.LockSupport;

/**
 * Chip-level control of an MFRC522: reset (reset line or SoftReset, waiting for PowerDown to clear), the
 * initialisation sequence, version check, digital self-test, receiver gain and the antenna drivers.
 */
final class ChipControl {
    private final RegisterBus bus;
    private final DigitalOutput resetLine;
    private final Duration resetTimeout;

    ChipControl(RegisterBus bus, DigitalOutput resetLine, Duration resetTimeout) {
        this.bus = bus;
        this.resetLine = resetLine;
        this.resetTimeout = resetTimeout;
    }

    /** Hard reset through the reset line when there is one, else SoftReset; waits for the oscillator. */
    void reset() throws ReaderException {
        if (resetLine != null) {
            resetLine.low();
            LockSupport.parkNanos(100_000); // NRSTPD low for well over the 100 ns minimum
            resetLine.high();
        } else {
            bus.write(COMMAND, CMD_SOFT_RESET);
        }
        waitPowerUp();
    }

    /** Reads VersionReg: 0x00/0xFF mean nothing answers; 0x91, 0x92 and the common clone 0x88 are accepted. */
    ChipInfo checkVersion() throws ReaderException {
        int version = bus.read(VERSION);
        return switch (version) {
            case 0x00, 0xFF -> throw new ReaderException(Failure.BUS_DEAD,
                    "VersionReg reads 0x" + hex(version) + ": no MFRC522 answers on the bus");
            case 0x91 -> new ChipInfo("MFRC522", "1.0");
            case 0x92 -> new ChipInfo("MFRC522", "2.0");
            case 0x88 -> new ChipInfo("MFRC522", "clone 0x88");
            default -> throw new ReaderException(Failure.PROTOCOL, "unsupported chip version 0x" + hex(version));
        };
    }

    /** Timer (TAuto, 25 us ticks), 100 % ASK, CRC preset 0x6363, gain, collision bits cleared, antenna on. */
    void initialise(AntennaGain gain) throws ReaderException {
        bus.write(T_MODE, T_MODE_AUTO | Mfrc522Transceiver.PRESCALER >> 8);
        bus.write(T_PRESCALER, Mfrc522Transceiver.PRESCALER & 0xFF);
        bus.write(TX_ASK, TX_ASK_FORCE_100);
        bus.write(MODE, 0x3D);
        bus.write(COLL, 0x00); // ValuesAfterColl = 0: bits after a collision read as 0
        setGain(gain);
        setField(true);
    }

    void setField(boolean on) throws ReaderException {
        int txControl = bus.read(TX_CONTROL);
        int wanted = on ? txControl | TX_CONTROL_ANTENNA : txControl & ~TX_CONTROL_ANTENNA;
        if (wanted != txControl) {
            bus.write(TX_CONTROL, wanted);
        }
    }

    AntennaGain gain() throws ReaderException {
        return RxGain.fromRegister(bus.read(RF_CFG));
    }

    /** Sets the nearest gain the chip has. */
    void setGain(AntennaGain gain) throws ReaderException {
        bus.write(RF_CFG, RxGain.toRegister(bus.read(RF_CFG), gain));
    }

    /**
     * The datasheet's digital self-test (16.1.1): soft reset, clear the internal buffer (25 zero bytes and Mem),
     * enable the self-test (AutoTestReg 0x09), one zero byte into the FIFO, CalcCRC, then compare the 64 FIFO
     * bytes with the reference of this chip version. The chip is left reset; the caller initialises it again.
     */
    SelfTestResult selfTest(int version, Duration busTimeout) throws ReaderException {
        byte[] expected = SelfTestReference.forVersion(version);
        if (expected == null) {
            return new SelfTestResult(false, "no self-test reference for chip version 0x" + hex(version));
        }
        bus.write(COMMAND, CMD_SOFT_RESET);
        waitPowerUp();
        bus.write(FIFO_LEVEL, FIFO_FLUSH);
        bus.write(FIFO_DATA, new byte[25]);
        bus.write(COMMAND, CMD_MEM);
        bus.write(AUTO_TEST, AUTO_TEST_SELF_TEST);
        bus.write(FIFO_DATA, new byte[1]);
        bus.write(COMMAND, CMD_CALC_CRC);
        long deadline = System.nanoTime() + busTimeout.toNanos();
        int level;
        while ((level = bus.read(FIFO_LEVEL) & 0x7F) < FIFO_SIZE) {
            if (System.nanoTime() > deadline) {
                break;
            }
            LockSupport.parkNanos(200_000);
        }
        byte[] result = level == 0 ? new byte[0] : bus.readRepeated(FIFO_DATA, level);
        bus.write(COMMAND, CMD_IDLE);
        bus.write(AUTO_TEST, 0x00);
        bus.write(COMMAND, CMD_SOFT_RESET);
        waitPowerUp();
        if (Arrays.equals(result, expected)) {
            return new SelfTestResult(true, "digital self-test matches the version 0x" + hex(version) + " reference");
        }
        int first = Arrays.mismatch(result, expected);
        return new SelfTestResult(false, result.length < FIFO_SIZE
                ? "self-test produced " + result.length + " bytes, not 64"
                : "self-test byte " + first + " is 0x" + hex(result[first] & 0xFF) + ", expected 0x"
                        + hex(expected[first] & 0xFF) + " (" + HexFormat.of().formatHex(result) + ")");
    }

    /** Polls until PowerDown clears (the oscillator runs), sleeping 50 us doubling to 1 ms between looks. */
    private void waitPowerUp() throws ReaderException {
        long deadline = System.nanoTime() + resetTimeout.toNanos();
        long pause = 50_000;
        while ((bus.read(COMMAND) & COMMAND_POWER_DOWN) != 0) {
            if (System.nanoTime() > deadline) {
                throw new ReaderException(Failure.TIMEOUT, "chip still powered down " + resetTimeout.toMillis()
                        + " ms after reset");
            }
            LockSupport.parkNanos(pause);
            pause = Math.min(pause * 2, 1_000_000);
        }
    }

    int rawVersion() throws ReaderException {
        return bus.read(VERSION);
    }

    private static String hex(int v) {
        return String.format("%02X", v);
    }
}
