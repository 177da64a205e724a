package dev.portal.device.serial;

import com.fazecast.jSerialComm.SerialPort;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** A serial port opened through jSerialComm, raw 8N1 without flow control. */
public final class JSerialCommPort implements SerialPortIo {
    public static final int DEFAULT_BAUD = 115_200;
    private final SerialPort port;
    private final String name;

    private JSerialCommPort(SerialPort port, String name) {
        this.port = port;
        this.name = name;
    }

    /**
     * Opens a port by device path (a symlink such as a socat pty link is followed).
     *
     * @param readTimeoutMillis how long a read waits for the first byte before returning none
     */
    public static JSerialCommPort open(String path, int baud, int readTimeoutMillis) throws IOException {
        Path p = Path.of(path);
        String real = Files.exists(p) ? p.toRealPath().toString() : path;
        SerialPort port;
        try {
            port = SerialPort.getCommPort(real);
        } catch (RuntimeException e) { // jSerialComm's SerialPortInvalidPortException
            throw new IOException("no serial port " + path + ": " + e.getMessage(), e);
        }
        port.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, readTimeoutMillis, 0);
        if (!port.openPort()) {
            throw new IOException("cannot open serial port " + path + " (error " + port.getLastErrorCode()
                    + "; does it exist, and may this user open it?)");
        }
        return new JSerialCommPort(port, path);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public InputStream in() {
        InputStream raw = port.getInputStream();
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) <= 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                // jSerialComm signals a semi-blocking timeout with an exception; the link polls, so that is 0 bytes.
                try {
                    return raw.read(b, off, len);
                } catch (com.fazecast.jSerialComm.SerialPortTimeoutException timeout) {
                    return 0;
                }
            }
        };
    }

    @Override
    public OutputStream out() {
        return port.getOutputStream();
    }

    @Override
    public void close() {
        port.closePort();
    }
}
