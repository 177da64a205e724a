package dev.portal.portalctl.firmware;

import dev.portal.device.firmware.Ed25519Keys;
import dev.portal.portalctl.ExitCodes;
import dev.portal.portalctl.cli.Output;
import dev.portal.portalctl.cli.PortalctlException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "keygen", mixinStandardHelpOptions = true,
        exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {ExitCodes.OK_TEXT, ExitCodes.FAILURE_TEXT, ExitCodes.USAGE_TEXT},
        description = {"Create the fleet's firmware signing key pair (Ed25519): NAME.key (PKCS#8 PEM, private, mode 600)"
                + " and NAME.pub (X.509 PEM). Keep the .key offline; put the .pub into every portal's configuration."})
public final class KeygenCommand implements Callable<Integer> {
    @Mixin
    Output output;
    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for the key files (created).")
    Path out;

    @Option(names = "--name", defaultValue = "firmware", description = "File name stem (default ${DEFAULT-VALUE}).")
    String name;

    @Option(names = "--force", description = "Overwrite existing key files.")
    boolean force;

    @Override
    public Integer call() {
        return output.bind(spec).run(() -> {
            Path key = out.resolve(name + ".key");
            Path pub = out.resolve(name + ".pub");
            if (!force && (Files.exists(key) || Files.exists(pub))) {
                throw PortalctlException.failure(key + " or " + pub + " exists; a new key would orphan every portal"
                        + " that trusts the old one (use --force to overwrite)");
            }
            Files.createDirectories(out);
            KeyPair pair = Ed25519Keys.generate();
            Files.deleteIfExists(key);
            Files.createFile(key, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(key, Ed25519Keys.toPem(pair.getPrivate()));
            Files.writeString(pub, Ed25519Keys.toPem(pair.getPublic()));
            if (output.json()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("privateKey", key.toString());
                m.put("publicKey", pub.toString());
                m.put("publicKeyPem", Ed25519Keys.toPem(pair.getPublic()));
                output.jsonLine(m);
            } else {
                output.line("private key  " + key + "  (keep it offline; it signs firmware for the whole fleet)");
                output.line("public key   " + pub + "  (portal config: firmware.publicKeyFile)");
                output.line(Ed25519Keys.toPem(pair.getPublic()).strip());
            }
            return ExitCodes.OK;
        });
    }
}
