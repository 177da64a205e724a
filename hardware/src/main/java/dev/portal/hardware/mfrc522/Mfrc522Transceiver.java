package dev.portal.hardware.mfrc522;

import static dev.portal.hardware.mfrc522.Mfrc522Registers.*;

import dev.portal.hardware.iso14443a.CrcA;
import dev.portal.hardware.iso14443a.PcdResponse;
import dev.portal.hardware.iso14443a.PcdTransceiver;
import dev.portal.hardware.reader.ReaderException;
import dev.portal.hardware.reader.ReaderException.Failure;
import java.time.Duration;
import java.util.Arrays;

/**
 * Frame exchange through the MFRC522: Transceive with bit framing, the CRC coprocessor, MFAuthent, and the
 * chip timer that bounds every wait for a tag (TAuto: it starts when transmission ends, and TimerIRq means
 * nobody answered). Counts CRC errors and timeouts for the reader's health record.
 */
final class Mfrc522Transceiver implements PcdTransceiver {
    /** TPrescaler 0x0A9: (2 * 169 + 1) / 13.56 MHz = 25 us per timer tick. */
    static final int PRESCALER = 0x0A9;
    static final double TICK_MICROS = (2 * PRESCALER + 1) / TIMER_CLOCK_HZ * 1e6;

    private final RegisterBus bus;
    private final IrqPoller poller;
    private final CrcStrategy crcStrategy;
    private final long busTimeoutNanos;
    private final ChipWatchdog watchdog;
    private int reload = -1;
    private long crcErrors;
    private long timeouts;

    Mfrc522Transceiver(RegisterBus bus, CrcStrategy crcStrategy, Duration busTimeout, ChipWatchdog watchdog) {
        this.bus = bus;
        this.poller = new IrqPoller(bus);
        this.crcStrategy = crcStrategy;
        this.busTimeoutNanos = busTimeout.toNanos();
        this.watchdog = watchdog;
    }

    long crcErrors() {
        return crcErrors;
    }

    long timeouts() {
        return timeouts;
    }

    /** The chip was reset: its timer registers hold reset values again. */
    void forgetTimer() {
        reload = -1;
    }

    @Override
    public void setResponseTimeout(Duration timeout) throws ReaderException {
        int ticks = (int) Math.max(1, Math.min(0x10000, Math.round(timeout.toNanos() / 1000.0 / TICK_MICROS)));
        int wanted = ticks - 1;
        if (wanted == reload) {
            return;
        }
        bus.write(T_RELOAD_HI, wanted >> 8);
        bus.write(T_RELOAD_LO, wanted & 0xFF);
        reload = wanted;
    }

    private long timerNanos() {
        return Math.round((Math.max(reload, 0) + 1) * TICK_MICROS * 1000);
    }

    @Override
    public PcdResponse transceive(byte[] data, int txLastBits, int rxAlign) throws ReaderException {
        bus.write(COMMAND, CMD_IDLE);
        bus.write(COM_IRQ, IRQ_ALL);
        bus.write(FIFO_LEVEL, FIFO_FLUSH);
        bus.write(FIFO_DATA, data);
        int framing = (rxAlign & 0x07) << 4 | txLastBits & 0x07;
        bus.write(BIT_FRAMING, framing);
        bus.write(COMMAND, CMD_TRANSCEIVE);
        bus.write(BIT_FRAMING, framing | BIT_FRAMING_START_SEND);
        int irq = poller.await(COM_IRQ, IRQ_RX | IRQ_IDLE | IRQ_TIMER, timerNanos() + busTimeoutNanos);
        if (irq < 0) {
            throw watchdog.chipUnresponsive("transceive");
        }
        if ((irq & (IRQ_RX | IRQ_IDLE)) == 0) {
            timeouts++;
            return PcdResponse.silence();
        }
        int[] status = bus.read(ERROR, FIFO_LEVEL, CONTROL, COLL);
        int error = status[0];
        int level = status[1] & 0x7F;
        if ((error & ERR_BUFFER_OVFL) != 0) {
            throw new ReaderException(Failure.PROTOCOL, "answer overflowed the 64-byte FIFO");
        }
        if ((error & ERR_PARITY) != 0) {
            crcErrors++;
            throw new ReaderException(Failure.CRC, "parity error in the answer");
        }
        if ((error & ERR_PROTOCOL) != 0) {
            throw new ReaderException(Failure.PROTOCOL, "protocol error reported by the chip");
        }
        int collisionPos = 0;
        if ((error & ERR_COLL) != 0) {
            int coll = status[3];
            if ((coll & COLL_POS_NOT_VALID) != 0) {
                throw new ReaderException(Failure.COLLISION, "collision outside the anticollision range");
            }
            collisionPos = (coll & 0x1F) == 0 ? 32 : coll & 0x1F;
        }
        byte[] received = level == 0 ? new byte[0] : bus.readRepeated(FIFO_DATA, level);
        return new PcdResponse(received, status[2] & 0x07, collisionPos);
    }

    @Override
    public byte[] appendCrc(byte[] data) throws ReaderException {
        int crc = crc(data);
        byte[] out = Arrays.copyOf(data, data.length + 2);
        out[data.length] = (byte) crc;
        out[data.length + 1] = (byte) (crc >> 8);
        return out;
    }

    @Override
    public boolean checkCrc(byte[] frame) throws ReaderException {
        if (frame.length < 3) {
            return false;
        }
        int crc = crc(Arrays.copyOf(frame, frame.length - 2));
        boolean ok = (frame[frame.length - 2] & 0xFF) == (crc & 0xFF) && (frame[frame.length - 1] & 0xFF) == crc >> 8;
        if (!ok) {
            crcErrors++;
        }
        return ok;
    }

    private int crc(byte[] data) throws ReaderException {
        if (crcStrategy == CrcStrategy.HOST) {
            return CrcA.compute(data);
        }
        bus.write(COMMAND, CMD_IDLE);
        bus.write(DIV_IRQ, DIV_IRQ_CRC);
        bus.write(FIFO_LEVEL, FIFO_FLUSH);
        bus.write(FIFO_DATA, data);
        bus.write(COMMAND, CMD_CALC_CRC);
        if (poller.await(DIV_IRQ, DIV_IRQ_CRC, busTimeoutNanos) < 0) {
            throw watchdog.chipUnresponsive("CRC calculation");
        }
        int[] result = bus.read(CRC_RESULT_LSB, CRC_RESULT_MSB);
        bus.write(COMMAND, CMD_IDLE);
        return result[0] | result[1] << 8;
    }

    /**
     * MFAuthent: key A or B for {@code block}, with the 4 UID bytes the tag authenticates with. A wrong key shows
     * as the timer running out (the tag falls silent), reported as AUTHENTICATION.
     */
    void authenticate(int command, int block, byte[] key, byte[] uid4) throws ReaderException {
        byte[] params = new byte[12];
        params[0] = (byte) command;
        params[1] = (byte) block;
        System.arraycopy(key, 0, params, 2, 6);
        System.arraycopy(uid4, 0, params, 8, 4);
        bus.write(COMMAND, CMD_IDLE);
        bus.write(COM_IRQ, IRQ_ALL);
        bus.write(FIFO_LEVEL, FIFO_FLUSH);
        bus.write(FIFO_DATA, params);
        bus.write(COMMAND, CMD_MF_AUTHENT);
        int irq = poller.await(COM_IRQ, IRQ_IDLE | IRQ_TIMER | IRQ_ERR, timerNanos() + busTimeoutNanos);
        if (irq < 0) {
            throw watchdog.chipUnresponsive("MFAuthent");
        }
        int[] status = bus.read(ERROR, STATUS2);
        bus.write(COMMAND, CMD_IDLE);
        if ((status[1] & STATUS2_MF_CRYPTO1_ON) == 0) {
            if ((irq & IRQ_TIMER) != 0) {
                throw new ReaderException(Failure.AUTHENTICATION, "key refused for block " + block);
            }
            throw new ReaderException(Failure.PROTOCOL, "authentication failed, error register 0x"
                    + Integer.toHexString(status[0]));
        }
    }

    /** Ends a MIFARE Crypto1 session so that the next REQA/WUPA goes out in the clear. */
    void stopCrypto1() throws ReaderException {
        bus.write(STATUS2, 0x00);
    }
}
