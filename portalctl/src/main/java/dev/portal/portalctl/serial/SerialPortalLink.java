package dev.portal.portalctl.serial;

import dev.portal.device.serial.JSerialCommPort;
import dev.portal.device.serial.SerialPortIo;
import dev.portal.portalctl.cli.PortalctlException;
import dev.portal.portalctl.link.PortalLink;
import dev.portal.protocol.frame.Command;
import dev.portal.protocol.frame.Frame;
import dev.portal.protocol.frame.Header;
import dev.portal.protocol.serial.SerialFrameReader;
import dev.portal.protocol.serial.SerialFrameWriter;
import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A portal on a serial cable: COBS-framed commands out, frames in, read by a thread of its own. The header's boot
 * id of the commands is this link's session id, drawn at random, so a technician token presented here opens the
 * cable for this run only.
 */
public final class SerialPortalLink implements PortalLink {
    private static final Logger log = LoggerFactory.getLogger(SerialPortalLink.class);
    private final SerialPortIo port;
    private final SerialFrameWriter writer;
    private final AtomicLong sequence = new AtomicLong();
    private final long session = new SecureRandom().nextInt() & 0xFFFF_FFFFL;
    private volatile boolean open = true;
    private Thread reader;

    private SerialPortalLink(SerialPortIo port) {
        this.port = port;
        this.writer = new SerialFrameWriter(port.out());
    }

    public static SerialPortalLink open(String path, int baud) {
        try {
            return new SerialPortalLink(JSerialCommPort.open(path, baud, 100));
        } catch (IOException e) {
            throw PortalctlException.unreachable(e.getMessage());
        }
    }

    @Override
    public String deviceId() {
        return port.name();
    }

    @Override
    public void open(Consumer<Frame> frames) {
        InputStream in = port.in();
        SerialFrameReader r = new SerialFrameReader(new InputStream() {
            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                while (open) {
                    int n = in.read(b, off, len);
                    if (n != 0) {
                        return n;
                    }
                }
                return -1;
            }
        }, e -> log.debug("serial: skipped {}: {}", e.reason(), e.getMessage()));
        reader = Thread.ofPlatform().daemon().name("serial-in").start(() -> {
            try {
                for (Optional<Frame> f = r.read(); f.isPresent(); f = r.read()) {
                    frames.accept(f.get());
                }
            } catch (IOException e) {
                if (open) {
                    log.warn("serial port {} failed: {}", port.name(), e.getMessage());
                }
            }
        });
    }

    @Override
    public void send(Command command) {
        try {
            synchronized (writer) {
                writer.write(new Frame(Header.of(session, sequence.getAndIncrement() & 0xFFFF_FFFFL,
                        System.currentTimeMillis(), true), command));
            }
        } catch (IOException e) {
            throw PortalctlException.unreachable("cannot write to " + port.name() + ": " + e.getMessage());
        }
    }

    @Override
    public void close() {
        open = false;
        if (reader != null) {
            try {
                reader.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        port.close();
    }
}
