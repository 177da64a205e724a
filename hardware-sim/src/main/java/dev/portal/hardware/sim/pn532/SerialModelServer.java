package dev.portal.hardware.sim.pn532;

import com.fazecast.jSerialComm.SerialPort;
import java.io.IOException;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a {@link Pn532Model} on a serial device (in practice one end of a pty pair) through jSerialComm, as a
 * PN532 wired to a UART would answer. Bytes written to the port before it opened are stale and are dropped.
 */
public final class SerialModelServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SerialModelServer.class);
    private static final int POLL_MILLIS = 50;

    private final SerialPort port;
    private final Pn532Model model;
    private final Thread thread;
    private volatile boolean running = true;

    private SerialModelServer(SerialPort port, Pn532Model model) {
        this.port = port;
        this.model = model;
        this.thread = Thread.ofPlatform().name("pn532-model-" + port.getSystemPortName()).daemon().unstarted(this::run);
    }

    public static SerialModelServer start(Pn532Model model, String path) throws IOException {
        SerialPort port = SerialPort.getCommPort(path);
        port.setComPortParameters(115_200, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        if (!port.openPort()) {
            throw new IOException("cannot open " + path + " (error " + port.getLastErrorCode() + ")");
        }
        drain(port);
        SerialModelServer server = new SerialModelServer(port, model);
        model.connect(server::write);
        server.thread.start();
        log.info("PN532 model serving {}", path);
        return server;
    }

    private static void drain(SerialPort port) {
        port.flushIOBuffers();
        port.setComPortTimeouts(SerialPort.TIMEOUT_NONBLOCKING, 0, 0);
        byte[] junk = new byte[256];
        while (port.bytesAvailable() > 0 && port.readBytes(junk, junk.length) > 0) {
            // stale bytes from before the model was there
        }
    }

    private void run() {
        byte[] buffer = new byte[512];
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, POLL_MILLIS, 0);
        while (running) {
            int n = port.readBytes(buffer, buffer.length);
            if (n > 0) {
                try {
                    model.receive(Arrays.copyOf(buffer, n));
                } catch (RuntimeException e) {
                    log.error("model failed on host bytes; it keeps serving", e);
                }
            } else if (n < 0 && running) {
                log.warn("{} read failed (error {}); the serving stops", port.getSystemPortName(), port.getLastErrorCode());
                running = false;
            }
        }
    }

    private void write(byte[] bytes) {
        if (port.writeBytes(bytes, bytes.length) != bytes.length) {
            log.debug("write of {} bytes to {} failed", bytes.length, port.getSystemPortName());
        }
    }

    public boolean running() {
        return running && thread.isAlive();
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        port.closePort();
    }
}
