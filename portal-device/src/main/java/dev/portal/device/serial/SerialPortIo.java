package dev.portal.device.serial;

import java.io.InputStream;
import java.io.OutputStream;

/** A byte pipe to a serial line, so the link can run over jSerialComm or any other stream pair. */
public interface SerialPortIo extends AutoCloseable {
    String name();

    /** Blocks at most the port's read timeout, then returns 0 bytes or throws an IOException subclass for it. */
    InputStream in();

    OutputStream out();

    @Override
    void close();
}
