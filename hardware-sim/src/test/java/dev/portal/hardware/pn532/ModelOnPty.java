package dev.portal.hardware.pn532;

import dev.portal.hardware.sim.pn532.Pn532Model;
import dev.portal.hardware.sim.pn532.Pn532OnPty;
import dev.portal.hardware.sim.rf.RfField;
import java.io.IOException;
import java.nio.file.Path;

/** A PN532 model served on one end of a real socat pty pair; the other end is for the driver under test. */
final class ModelOnPty implements AutoCloseable {
    final RfField field = new RfField();
    final Pn532Model model = new Pn532Model(field);
    final Pn532OnPty chip;

    ModelOnPty(Path dir) throws IOException {
        chip = Pn532OnPty.start(model, dir, "pn532-host");
    }

    String hostEnd() {
        return chip.hostEnd();
    }

    @Override
    public void close() {
        chip.close();
    }
}
