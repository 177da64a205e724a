package dev.portal.portalctl.firmware;

import dev.portal.portalctl.ExitCodes;
import dev.portal.portalctl.cli.KeygenBase;
import picocli.CommandLine.Command;

@Command(name = "keygen", mixinStandardHelpOptions = true,
        exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {ExitCodes.OK_TEXT, ExitCodes.FAILURE_TEXT, ExitCodes.USAGE_TEXT},
        description = {"Create the fleet's firmware signing key pair (Ed25519): NAME.key (PKCS#8 PEM, private, mode 600)"
                + " and NAME.pub (X.509 PEM). Keep the .key offline; put the .pub into every portal's configuration."})
public final class KeygenCommand extends KeygenBase {
    public KeygenCommand() {
        super(new Purpose("firmware", "keep it offline; it signs firmware for the whole fleet", "firmware.publicKeyFile"));
    }
}
