package dev.portal.portalctl.cli;

import dev.portal.device.firmware.Ed25519Keys;
import dev.portal.portalctl.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Makes an Ed25519 key pair: NAME.key (PKCS#8 PEM, private, mode 600) and NAME.pub (X.509 PEM), for the firmware
 * key and the technician key alike. Never replaces existing files unless told: a new key orphans every portal
 * that trusts the old one.
 */
public abstract class KeygenBase extends ToolCommand {
    /**
     * What a key is for.
     *
     * @param stem          the default file name stem
     * @param keepItNote    where the private key belongs and what it signs, for the technician reading the output
     * @param configSetting the portal.json setting that names the public key
     */
    public record Purpose(String stem, String keepItNote, String configSetting) {
    }

    private final Purpose purpose;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for the key files (created).")
    Path out;

    @Option(names = "--name", description = "File name stem (default ${DEFAULT-VALUE}).")
    String name;

    @Option(names = "--force", description = "Overwrite existing key files.")
    boolean force;

    protected KeygenBase(Purpose purpose) {
        this.purpose = purpose;
        this.name = purpose.stem();
    }

    @Override
    protected int execute() throws Exception {
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
            output.line("private key  " + key + "  (" + purpose.keepItNote() + ")");
            output.line("public key   " + pub + "  (portal config: " + purpose.configSetting() + ")");
            output.line(Ed25519Keys.toPem(pair.getPublic()).strip());
        }
        return ExitCodes.OK;
    }
}
