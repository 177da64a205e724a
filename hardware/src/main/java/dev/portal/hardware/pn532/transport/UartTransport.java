package dev.portal.hardware.pn532.transport;

import com.fazecast.jSerialComm.SerialPort;
import dev.portal.hardware.pn532.frame.Pn532FrameCodec;
import dev.portal.hardware.reader.ReaderException;
import java.time.Duration;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PN532 over HSU (UART, 115200 8N1, no flow control) through jSerialComm. Opens real serial ports and
 * pseudo-terminals alike ({@code SerialPort.getCommPort} takes a path). A port that fails to open, reports an
 * error on read/write, or disappears is reported as BUS_DEAD.
 */
public final class UartTransport implements Pn532Transport {
    private static final Logger log = LoggerFactory.getLogger(UartTransport.class);
    public static final int BAUD_RATE = 115_200;
    /** Zeros after 55 55: the chip needs about 1 ms (~14 byte times at 115200) to wake. */
    private static final int WAKE_ZEROS = 14;

    private final SerialPort port;
    private final String path;
    private final byte[] readBuffer = new byte[512];

    private UartTransport(SerialPort port, String path) {
        this.port = port;
        this.path = path;
    }

    public static UartTransport open(String path) throws ReaderException {
        SerialPort port;
        try {
            port = SerialPort.getCommPort(path);
        } catch (RuntimeException e) {
            throw new ReaderException(ReaderException.Failure.BUS_DEAD, "no serial port " + path, e);
        }
        port.setComPortParameters(BAUD_RATE, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        if (!port.openPort()) {
            throw new ReaderException(ReaderException.Failure.BUS_DEAD,
                    "cannot open serial port " + path + " (error " + port.getLastErrorCode() + ")");
        }
        log.debug("opened {}", path);
        return new UartTransport(port, path);
    }

    @Override
    public void wakeUp() throws ReaderException {
        write(Pn532FrameCodec.wakeUpPreamble(WAKE_ZEROS));
    }

    @Override
    public void write(byte[] bytes) throws ReaderException {
        ensureOpen();
        port.setComPortTimeouts(SerialPort.TIMEOUT_WRITE_BLOCKING, 0, 200);
        int written = port.writeBytes(bytes, bytes.length);
        if (written != bytes.length) {
            throw dead("write failed (" + written + " of " + bytes.length + " bytes)");
        }
    }

    @Override
    public byte[] read(Duration maxWait) throws ReaderException {
        ensureOpen();
        int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, maxWait.toMillis()));
        // semi-blocking: returns as soon as at least one byte is there, or after the timeout
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, millis, 0);
        int n = port.readBytes(readBuffer, readBuffer.length);
        if (n < 0) {
            throw dead("read failed (error " + port.getLastErrorCode() + ")");
        }
        return Arrays.copyOf(readBuffer, n);
    }

    @Override
    public void discardInput() throws ReaderException {
        ensureOpen();
        int available = port.bytesAvailable();
        if (available < 0) {
            throw dead("port gone");
        }
        // read away rather than tcflush: a flush would also drop output not yet sent (the wake-up preamble)
        while (available > 0) {
            port.setComPortTimeouts(SerialPort.TIMEOUT_NONBLOCKING, 0, 0);
            int n = port.readBytes(readBuffer, Math.min(readBuffer.length, available));
            if (n <= 0) {
                break;
            }
            available = port.bytesAvailable();
        }
    }

    @Override
    public String describe() {
        return path;
    }

    @Override
    public void close() {
        port.closePort();
    }

    private void ensureOpen() throws ReaderException {
        if (!port.isOpen()) {
            throw dead("port is closed");
        }
    }

    private ReaderException dead(String what) {
        return new ReaderException(ReaderException.Failure.BUS_DEAD, path + ": " + what);
    }
}
