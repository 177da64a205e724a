package dev.portal.portalctl.token;

import dev.portal.portalctl.ExitCodes;
import dev.portal.portalctl.cli.KeygenBase;
import picocli.CommandLine.Command;

@Command(name = "keygen", mixinStandardHelpOptions = true,
        exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {ExitCodes.OK_TEXT, ExitCodes.FAILURE_TEXT, ExitCodes.USAGE_TEXT},
        description = {"Create the technician key pair (Ed25519) that signs technician tokens: NAME.key (PKCS#8 PEM,"
                + " private, mode 600) and NAME.pub (X.509 PEM). Keep the .key on the host side (service desk); put the"
                + " .pub into every portal's configuration as serial.technicianPublicKeyFile. A key of its own, not the"
                + " firmware key: a leaked technician key opens serial cables but cannot sign firmware."})
public final class TokenKeygenCommand extends KeygenBase {
    public TokenKeygenCommand() {
        super(new Purpose("technician", "keep it on the host side; it signs technician tokens",
                "serial.technicianPublicKeyFile"));
    }
}
