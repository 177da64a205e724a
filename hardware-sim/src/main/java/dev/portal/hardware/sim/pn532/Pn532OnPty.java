package dev.portal.hardware.sim.pn532;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A PN532 model on one end of a real socat pty pair, as a PN532 board on a UART: a host's UART driver opens
 * {@link #hostEnd()}, and every byte crosses the kernel's tty layer as it would on a Pi. Closing stops the
 * serving and kills socat.
 */
public final class Pn532OnPty implements AutoCloseable {
    private final SocatPtyPair pty;
    private final SerialModelServer server;

    private Pn532OnPty(SocatPtyPair pty, SerialModelServer server) {
        this.pty = pty;
        this.server = server;
    }

    /** Serves {@code model} on a pty pair whose ends appear as {@code dir/NAME-chip} and {@code dir/NAME}. */
    public static Pn532OnPty start(Pn532Model model, Path dir, String name) throws IOException {
        SocatPtyPair pty = SocatPtyPair.start(dir.resolve(name + "-chip"), dir.resolve(name),
                dir.resolve(name + "-socat.log"), Duration.ofSeconds(5));
        try {
            return new Pn532OnPty(pty, SerialModelServer.start(model, pty.modelEnd().toString()));
        } catch (IOException | RuntimeException e) {
            pty.close();
            throw e;
        }
    }

    /** The end the host opens, as it would open {@code /dev/ttyS0}. */
    public String hostEnd() {
        return pty.clientEnd().toString();
    }

    /** socat's process id. */
    public long socatPid() {
        return pty.pid();
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            pty.close();
        }
    }
}
