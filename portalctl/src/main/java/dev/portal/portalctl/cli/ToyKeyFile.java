package dev.portal.portalctl.cli;

import dev.portal.protocol.toy.FleetKey;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads the toy key a host-side technician or the factory line holds (since protocol 1.1 no portal holds it):
 * a file that cannot be read or holds no key is a usage error naming the file.
 */
public final class ToyKeyFile {
    private ToyKeyFile() {
    }

    public static FleetKey read(Path file) {
        try {
            return FleetKey.fromFile(file);
        } catch (IOException e) {
            throw PortalctlException.usage("--toy-key-file: cannot read " + file + " (" + e.getMessage() + ")");
        } catch (IllegalArgumentException e) {
            throw PortalctlException.usage("--toy-key-file: " + e.getMessage());
        }
    }
}
