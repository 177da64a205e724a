package dev.portal.hardware.sim.pn532;

import static dev.portal.hardware.pn532.command.CommandCode.DIAGNOSE;
import static dev.portal.hardware.pn532.command.CommandCode.GET_FIRMWARE_VERSION;
import static dev.portal.hardware.pn532.command.CommandCode.GET_GENERAL_STATUS;
import static dev.portal.hardware.pn532.command.CommandCode.POWER_DOWN;
import static dev.portal.hardware.pn532.command.CommandCode.READ_REGISTER;
import static dev.portal.hardware.pn532.command.CommandCode.RF_CONFIGURATION;
import static dev.portal.hardware.pn532.command.CommandCode.SAM_CONFIGURATION;
import static dev.portal.hardware.pn532.command.CommandCode.SET_PARAMETERS;
import static dev.portal.hardware.pn532.command.CommandCode.WRITE_REGISTER;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;

/** Commands about the chip itself: diagnostics, version, configuration, registers, power. */
final class SystemCommands {
    /** IC 0x32 (PN532), firmware 1.6, supports type A, type B and ISO18092 (0x07). */
    static final byte[] FIRMWARE = {0x32, 0x01, 0x06, 0x07};

    private final Pn532ModelState chip;

    SystemCommands(Pn532ModelState chip) {
        this.chip = chip;
    }

    CommandOutcome handle(int code, byte[] p) {
        return switch (code) {
            case DIAGNOSE -> diagnose(p);
            case GET_FIRMWARE_VERSION -> CommandOutcome.answer(code, FIRMWARE);
            case GET_GENERAL_STATUS -> generalStatus();
            case SAM_CONFIGURATION -> samConfiguration(p);
            case SET_PARAMETERS -> {
                if (p.length != 1) {
                    yield CommandOutcome.syntaxError();
                }
                chip.parameters = p[0] & 0xFF;
                yield CommandOutcome.answer(code);
            }
            case READ_REGISTER -> readRegister(p);
            case WRITE_REGISTER -> writeRegister(p);
            case RF_CONFIGURATION -> rfConfiguration(p);
            case POWER_DOWN -> p.length < 1 || p.length > 2 ? CommandOutcome.syntaxError()
                    : CommandOutcome.answer(code, (byte) 0x00);
            default -> throw new IllegalArgumentException("not a system command: " + code);
        };
    }

    private CommandOutcome diagnose(byte[] p) {
        if (p.length < 1) {
            return CommandOutcome.syntaxError();
        }
        return switch (p[0]) {
            case 0x00 -> CommandOutcome.answer(DIAGNOSE, p); // communication line: echo test number and data
            case 0x01, 0x02 -> CommandOutcome.answer(DIAGNOSE, (byte) 0x00); // ROM / RAM test: OK
            // attention request / card presence: is the active target still there?
            case 0x06 -> CommandOutcome.answer(DIAGNOSE, (byte) (chip.targets.presenceCheck() ? 0x00 : 0x01));
            default -> CommandOutcome.syntaxError();
        };
    }

    private CommandOutcome generalStatus() {
        List<ModelTarget> targets = chip.targets.all();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x00); // last error
        out.write(chip.air.fieldOn() ? 1 : 0);
        out.write(targets.size());
        for (ModelTarget t : targets) {
            out.writeBytes(new byte[] {(byte) t.tg(), 0x00, 0x00, 0x00}); // 106 kbit/s both ways, type A
        }
        out.write(0x00); // SAM status
        return CommandOutcome.answer(GET_GENERAL_STATUS, out.toByteArray());
    }

    private CommandOutcome samConfiguration(byte[] p) {
        if (p.length < 1 || p[0] < 0x01 || p[0] > 0x04) {
            return CommandOutcome.syntaxError();
        }
        chip.samMode = p[0];
        return CommandOutcome.answer(SAM_CONFIGURATION);
    }

    private CommandOutcome readRegister(byte[] p) {
        if (p.length == 0 || p.length % 2 != 0) {
            return CommandOutcome.syntaxError();
        }
        byte[] values = new byte[p.length / 2];
        for (int i = 0; i < values.length; i++) {
            values[i] = (byte) chip.registers.read((p[2 * i] & 0xFF) << 8 | (p[2 * i + 1] & 0xFF));
        }
        return CommandOutcome.answer(READ_REGISTER, values);
    }

    private CommandOutcome writeRegister(byte[] p) {
        if (p.length == 0 || p.length % 3 != 0) {
            return CommandOutcome.syntaxError();
        }
        for (int i = 0; i < p.length; i += 3) {
            chip.registers.write((p[i] & 0xFF) << 8 | (p[i + 1] & 0xFF), p[i + 2]);
        }
        chip.receiverGainFromRegisters();
        return CommandOutcome.answer(WRITE_REGISTER);
    }

    /** RFConfiguration timeout codes: 0 = none, n = 100 us x 2^(n-1) (0x0A = 51.2 ms, 0x10 = 3.28 s). */
    static long timeoutMicros(int code) {
        return code == 0 ? 0 : 100L << Math.min(code - 1, 0x0F);
    }

    private CommandOutcome rfConfiguration(byte[] p) {
        if (p.length < 2) {
            return CommandOutcome.syntaxError();
        }
        byte[] values = Arrays.copyOfRange(p, 1, p.length);
        int expected = switch (p[0]) {
            case 0x01, 0x04 -> 1;
            case 0x02, 0x05 -> 3;
            case 0x0A -> 11;
            case 0x0B -> 8;
            case 0x0C -> 3;
            case 0x0D -> 9;
            default -> -1;
        };
        if (values.length != expected) {
            return CommandOutcome.syntaxError();
        }
        switch (p[0]) {
            case 0x01 -> {
                chip.autoRfCa = (values[0] & 0x02) != 0;
                chip.field((values[0] & 0x01) != 0);
            }
            case 0x05 -> chip.passiveActivationRetries = values[2] & 0xFF;
            case 0x02 -> chip.air.receiveTimeoutMicros(timeoutMicros(values[2] & 0xFF));
            default -> {
                // timings and analog settings are accepted and have no effect on a virtual field
            }
        }
        return CommandOutcome.answer(RF_CONFIGURATION);
    }
}
