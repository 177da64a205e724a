package dev.portal.portalctl.token;

import dev.portal.device.firmware.Ed25519Keys;
import dev.portal.device.serial.TechnicianToken;
import dev.portal.portalctl.BadInputException;
import dev.portal.portalctl.ExitCodes;
import dev.portal.portalctl.cli.DurationConverter;
import dev.portal.portalctl.cli.ToolCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "make", mixinStandardHelpOptions = true,
        exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {ExitCodes.OK_TEXT, ExitCodes.FAILURE_TEXT, ExitCodes.USAGE_TEXT},
        description = {"Sign a technician token: it lets 'portalctl serial PORT --token FILE' change toys, configuration"
                + " and firmware on the portal it names until it expires. Whoever holds the file can use it: keep it"
                + " short-lived and for one portal."})
public final class MakeTokenCommand extends ToolCommand {
    @Option(names = "--key", required = true, paramLabel = "FILE", description = "The technician private key (token keygen).")
    Path key;

    @Option(names = "--device", required = true, paramLabel = "ID",
            description = "The portal's device id, or '*' for every portal that trusts the key.")
    String device;

    @Option(names = "--valid", defaultValue = "1h", converter = DurationConverter.class,
            description = "How long the token works (default ${DEFAULT-VALUE}; at most 7 days).")
    Duration valid;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the token here (mode 600) instead of to stdout.")
    Path out;

    @Override
    protected int execute() throws Exception {
        PrivateKey signer;
        try {
            signer = Ed25519Keys.readPrivate(key);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(key + " is not an Ed25519 private key (make one with 'portalctl token keygen'): "
                    + e.getMessage());
        }
        TechnicianToken token;
        try {
            token = TechnicianToken.unsigned(device, Instant.now(), valid, tokenId()).signedWith(signer);
        } catch (IllegalArgumentException e) { // a device id or a validity the portal would refuse
            throw new BadInputException(e.getMessage());
        }
        if (out != null) {
            Files.deleteIfExists(out);
            Files.createFile(out, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(out, token.encode());
        }
        if (output.json()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", token.id());
            m.put("device", token.device());
            m.put("expires", token.expires().toString());
            m.put("token", token.encode());
            output.jsonLine(m);
        } else if (out != null) {
            output.line("token " + token.id() + " for " + token.device() + " until " + token.expires() + " in " + out);
        } else {
            output.out().print(token.encode());
            output.out().flush();
        }
        return ExitCodes.OK;
    }

    private static String tokenId() {
        byte[] id = new byte[8];
        new SecureRandom().nextBytes(id);
        return HexFormat.of().formatHex(id);
    }
}
