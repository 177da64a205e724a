package dev.portal.hardware.pn532.command;

import dev.portal.hardware.pn532.link.Pn532Link;
import dev.portal.hardware.reader.ReaderException;
import dev.portal.hardware.reader.ReaderException.Failure;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import dev.portal.hardware.reader.Uid;

/**
 * Encodes the PN532 commands the driver uses and decodes their answers. Knows byte layouts, not policy:
 * which command to send when is the reader's business.
 */
public final class Pn532Commands {
    private final Pn532Link link;
    private final Duration busTimeout;

    public Pn532Commands(Pn532Link link, Duration busTimeout) {
        this.link = link;
        this.busTimeout = busTimeout;
    }

    public Pn532Link link() {
        return link;
    }

    public Pn532Firmware getFirmwareVersion() throws ReaderException {
        byte[] r = exact(CommandCode.GET_FIRMWARE_VERSION, new byte[0], 4, busTimeout);
        return new Pn532Firmware(r[0] & 0xFF, r[1] & 0xFF, r[2] & 0xFF, r[3] & 0xFF);
    }

    /** Normal mode (no SAM), timeout 50 ms units x 0x14, IRQ pin used. */
    public void samConfigurationNormal(Duration timeout) throws ReaderException {
        link.exchange(CommandCode.SAM_CONFIGURATION, new byte[] {0x01, 0x14, 0x01}, timeout);
    }

    /** Diagnose test 0 (communication line): the chip echoes the bytes; returns what came back. */
    public byte[] diagnoseEcho(byte[] payload) throws ReaderException {
        byte[] params = new byte[payload.length + 1];
        params[0] = CommandCode.DIAGNOSE_COMMUNICATION_LINE;
        System.arraycopy(payload, 0, params, 1, payload.length);
        byte[] r = link.exchange(CommandCode.DIAGNOSE, params, busTimeout);
        // the answer repeats the test number and the payload
        return r.length > 0 ? Arrays.copyOfRange(r, 1, r.length) : r;
    }

    public void rfField(boolean on) throws ReaderException {
        link.exchange(CommandCode.RF_CONFIGURATION, new byte[] {CommandCode.RF_ITEM_FIELD, (byte) (on ? 0x01 : 0x00)},
                busTimeout);
    }

    /**
     * MxRtyATR, MxRtyPSL, MxRtyPassiveActivation. 0xFF for passive activation means "retry for ever", which
     * would make InListPassiveTarget hang on an empty field; the driver always sets a small number.
     */
    public void maxRetries(int atr, int psl, int passiveActivation) throws ReaderException {
        link.exchange(CommandCode.RF_CONFIGURATION,
                new byte[] {CommandCode.RF_ITEM_MAX_RETRIES, (byte) atr, (byte) psl, (byte) passiveActivation},
                busTimeout);
    }

    /**
     * The chip's timeout code for at least {@code timeout}: code n stands for 100 us x 2^(n-1), from 0x01
     * (100 us) to 0x10 (3.28 s).
     */
    public static int timeoutCode(Duration timeout) {
        long micros = Math.max(1, timeout.toNanos() / 1000);
        for (int code = 1; code < 0x10; code++) {
            if (100L << (code - 1) >= micros) {
                return code;
            }
        }
        return 0x10;
    }

    /** ATR_RES timeout and the tag-communication timeout, as the chip's 4-bit codes (0x0B = 102.4 ms...). */
    public void timings(int atrTimeoutCode, int retryTimeoutCode) throws ReaderException {
        link.exchange(CommandCode.RF_CONFIGURATION,
                new byte[] {CommandCode.RF_ITEM_TIMINGS, 0x00, (byte) atrTimeoutCode, (byte) retryTimeoutCode},
                busTimeout);
    }

    public int readRegister(int address) throws ReaderException {
        byte[] r = link.exchange(CommandCode.READ_REGISTER, new byte[] {(byte) (address >> 8), (byte) address},
                busTimeout);
        if (r.length != 1) {
            throw new ReaderException(Failure.PROTOCOL, "ReadRegister answered " + r.length + " bytes");
        }
        return r[0] & 0xFF;
    }

    public void writeRegister(int address, int value) throws ReaderException {
        link.exchange(CommandCode.WRITE_REGISTER,
                new byte[] {(byte) (address >> 8), (byte) address, (byte) value}, busTimeout);
    }

    /**
     * Lists up to {@code maxTargets} (1 or 2) type A targets. With a UID as initiator data only that tag is
     * selected (no anticollision).
     */
    public List<ListedTarget> inListPassiveTarget106A(int maxTargets, Optional<Uid> uid, Duration timeout)
            throws ReaderException {
        if (maxTargets < 1 || maxTargets > 2) {
            throw new IllegalArgumentException("MaxTg is 1 or 2, not " + maxTargets);
        }
        ByteArrayOutputStream params = new ByteArrayOutputStream();
        params.write(maxTargets);
        params.write(CommandCode.BRTY_106_TYPE_A);
        uid.ifPresent(u -> params.writeBytes(CascadedUid.encode(u)));
        return TargetListParser.parse106A(link.exchange(CommandCode.IN_LIST_PASSIVE_TARGET, params.toByteArray(),
                timeout));
    }

    /** InDataExchange: sends {@code data} to target {@code tg}; returns the tag's answer or throws on status. */
    public byte[] inDataExchange(int tg, byte[] data, Duration timeout) throws ReaderException {
        byte[] params = new byte[data.length + 1];
        params[0] = (byte) tg;
        System.arraycopy(data, 0, params, 1, data.length);
        return checked(link.exchange(CommandCode.IN_DATA_EXCHANGE, params, timeout), "InDataExchange");
    }

    /** InCommunicateThru: raw bytes to whatever tag is in the field, framed as the CIU registers say. */
    public byte[] inCommunicateThru(byte[] data, Duration timeout) throws ReaderException {
        return checked(link.exchange(CommandCode.IN_COMMUNICATE_THRU, data, timeout), "InCommunicateThru");
    }

    /** 0 = every target. */
    public void inDeselect(int tg) throws ReaderException {
        checked(link.exchange(CommandCode.IN_DESELECT, new byte[] {(byte) tg}, busTimeout), "InDeselect");
    }

    /** 0 = every target. */
    public void inRelease(int tg) throws ReaderException {
        checked(link.exchange(CommandCode.IN_RELEASE, new byte[] {(byte) tg}, busTimeout), "InRelease");
    }

    /** Enters power-down; {@code wakeUpEnable} bit 4 = HSU, bit 7 = I2C... */
    public void powerDown(int wakeUpEnable) throws ReaderException {
        checked(link.exchange(CommandCode.POWER_DOWN, new byte[] {(byte) wakeUpEnable}, busTimeout), "PowerDown");
    }

    private byte[] exact(int command, byte[] params, int length, Duration timeout) throws ReaderException {
        byte[] r = link.exchange(command, params, timeout);
        if (r.length != length) {
            throw new ReaderException(Failure.PROTOCOL,
                    String.format("command %02X answered %d bytes, expected %d", command, r.length, length));
        }
        return r;
    }

    private static byte[] checked(byte[] answer, String what) throws ReaderException {
        if (answer.length < 1) {
            throw new ReaderException(Failure.PROTOCOL, what + " answered without a status byte");
        }
        StatusByte.check(answer[0] & 0xFF, what);
        return Arrays.copyOfRange(answer, 1, answer.length);
    }
}
