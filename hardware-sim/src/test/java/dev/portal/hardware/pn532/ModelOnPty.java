package dev.portal.hardware.pn532;

import dev.portal.hardware.sim.rf.RfField;
import dev.portal.hardware.sim.pn532.Pn532Model;
import dev.portal.hardware.sim.pn532.SerialModelServer;
import dev.portal.hardware.sim.pn532.SocatPtyPair;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/** A PN532 model served on one end of a real socat pty pair; the other end is for the driver under test. */
final class ModelOnPty implements AutoCloseable {
    final RfField field = new RfField();
    final Pn532Model model = new Pn532Model(field);
    final SocatPtyPair pty;
    final SerialModelServer server;

    ModelOnPty(Path dir) throws IOException {
        pty = SocatPtyPair.start(dir.resolve("pn532-model"), dir.resolve("pn532-host"), dir.resolve("socat.log"),
                Duration.ofSeconds(5));
        try {
            server = SerialModelServer.start(model, pty.modelEnd().toString());
        } catch (IOException | RuntimeException e) {
            pty.close();
            throw e;
        }
    }

    String hostEnd() {
        return pty.clientEnd().toString();
    }

    @Override
    public void close() {
        server.close();
        pty.close();
    }
}
