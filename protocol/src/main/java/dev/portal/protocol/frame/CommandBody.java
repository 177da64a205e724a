package dev.portal.protocol.frame;

/**
 * What a Command asks for. {@link UnknownCommand} stands for a kind this version does not know: decoding it
 * still yields the correlation id, so a device can answer UNKNOWN_COMMAND instead of dropping the request.
 */
public sealed interface CommandBody
        permits SetLed, WriteToy, Calibrate, ConfigSet, FirmwareChunk, Rebirth, Reboot, ShowVerdict, WriteArea, PresentToken,
        ResendFrames, UnknownCommand {

    /** The kind code on the wire. */
    default int kindCode() {
        return switch (this) {
            case SetLed c -> CommandKind.SET_LED.code();
            case WriteToy c -> CommandKind.WRITE_TOY.code();
            case Calibrate c -> CommandKind.CALIBRATE.code();
            case ConfigSet c -> CommandKind.CONFIG_SET.code();
            case FirmwareChunk c -> CommandKind.FIRMWARE_CHUNK.code();
            case Rebirth c -> CommandKind.REBIRTH.code();
            case Reboot c -> CommandKind.REBOOT.code();
            case ShowVerdict c -> CommandKind.SHOW_VERDICT.code();
            case WriteArea c -> CommandKind.WRITE_AREA.code();
            case PresentToken c -> CommandKind.PRESENT_TOKEN.code();
            case ResendFrames c -> CommandKind.RESEND_FRAMES.code();
            case UnknownCommand c -> c.kind();
        };
    }
}
