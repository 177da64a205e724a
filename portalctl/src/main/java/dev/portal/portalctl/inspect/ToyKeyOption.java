package dev.portal.portalctl.inspect;

import dev.portal.portalctl.cli.ToyKeyFile;
import dev.portal.protocol.toy.FleetKey;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code watch --toy-key-file FILE}: judge the toy areas portals report, as the host does. */
public final class ToyKeyOption {
    @Option(names = "--toy-key-file", paramLabel = "FILE", description = "The toy key (64 hex digits or 32 bytes;"
            + " the host's, no portal holds it): each toy-areas line also shows the verdict and record it gives.")
    Path file;

    /** Empty without the option. */
    public Optional<FleetKey> key() {
        return Optional.ofNullable(file).map(ToyKeyFile::read);
    }
}
