package dev.portal.portalctl.calibrate;

import dev.portal.portalctl.ExitCodes;
import dev.portal.portalctl.link.BrokerCommand;
import dev.portal.portalctl.link.Portals;
import dev.portal.protocol.frame.AntennaGain;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "calibrate", mixinStandardHelpOptions = true,
        exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {ExitCodes.OK_TEXT, ExitCodes.FAILURE_TEXT,
            ExitCodes.USAGE_TEXT, ExitCodes.UNREACHABLE_TEXT, ExitCodes.PARTIAL_TEXT},
        description = {"Calibrate a portal's pads: with one reference toy on the pad the portal sweeps its antenna"
                + " gains and keeps the middle of the gains that read the toy every time. Prints the success rate per"
                + " gain and"
                + " the calibration the portal then reports."})
public final class CalibrateCommand extends BrokerCommand {
    @Parameters(index = "0", paramLabel = "DEVICE", description = "Device id.")
    String device;

    @Mixin
    CalibrateOptions options;

    @Override
    protected int execute() throws Exception {
        return Portals.withDevice(broker, device,
                (c, session) -> CalibrateOp.run(session, output, options.pad, options.gain, options.removalAfter));
    }

    /** Options shared with {@code serial PORT calibrate}. */
    public static final class CalibrateOptions {
        @Option(names = "--pad", paramLabel = "P", description = "Only this pad (default: every pad).")
        public Integer pad;

        @Option(names = "--gain", defaultValue = "0", paramLabel = "DB",
                description = "Set this gain (" + AntennaGain.RANGE + "; the reader takes its nearest step) instead of sweeping (default 0: sweep).")
        public int gain;

        @Option(names = "--removal-after", paramLabel = "N",
                description = "Missed polls before a tag counts as removed, 1..255 (default: keep the portal's).")
        public Integer removalAfter;
    }
}
