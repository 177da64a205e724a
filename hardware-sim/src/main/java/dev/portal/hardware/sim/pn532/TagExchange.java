package dev.portal.hardware.sim.pn532;

import dev.portal.hardware.pn532.command.CiuRegister;
import dev.portal.hardware.pn532.command.StatusByte;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Optional;

/**
 * InDataExchange and InCommunicateThru: tag commands out, tag answers back with the chip's status byte. For
 * InDataExchange the chip adds CRC_A, runs MIFARE authentication with its own Crypto1 and splits MIFARE WRITE
 * into its two phases; InCommunicateThru sends the bytes as the CIU registers say (CRC on or off, TxLastBits).
 */
final class TagExchange {
    private static final int AUTH_A = 0x60;
    private static final int AUTH_B = 0x61;
    private static final int MIFARE_WRITE = 0xA0;
    private static final int ACK = 0x0A;

    private final Pn532ModelState chip;

    TagExchange(Pn532ModelState chip) {
        this.chip = chip;
    }

    byte[] dataExchange(int tg, byte[] cmd) {
        Optional<ModelTarget> target = chip.targets.find(tg);
        if (target.isEmpty()) {
            return status(StatusByte.WRONG_CONTEXT);
        }
        if (!chip.air.fieldOn() || !chip.targets.ensureActive(target.get())) {
            return status(StatusByte.TIMEOUT);
        }
        int command = cmd[0] & 0xFF;
        if (command == AUTH_A || command == AUTH_B) {
            if (cmd.length != 12) {
                return status(0x10); // invalid parameter
            }
            boolean ok = chip.air.mifareAuthenticate(command, cmd[1] & 0xFF, Arrays.copyOfRange(cmd, 2, 8),
                    Arrays.copyOfRange(cmd, 8, 12));
            chip.registers.crypto1(ok);
            return status(ok ? StatusByte.OK : StatusByte.MIFARE_AUTH);
        }
        if (command == MIFARE_WRITE && cmd.length == 18) {
            AirReply first = chip.air.transceive(Arrays.copyOf(cmd, 2), 0, 0, true);
            if (!isAck(first)) {
                return answer(first);
            }
            return answer(chip.air.transceive(Arrays.copyOfRange(cmd, 2, 18), 0, 0, true));
        }
        return answer(chip.air.transceive(cmd, 0, 0, true));
    }

    byte[] communicateThru(byte[] data) {
        if (!chip.air.fieldOn()) {
            return status(StatusByte.TIMEOUT);
        }
        AirReply reply = chip.air.transceive(data, chip.registers.txLastBits(), chip.registers.rxAlign(),
                chip.registers.txCrc());
        if (reply instanceof AirReply.Frame f) {
            int control = chip.registers.read(CiuRegister.CONTROL);
            chip.registers.write(CiuRegister.CONTROL, control & ~0x07 | f.lastBits());
            byte[] out = new byte[f.data().length + 1];
            System.arraycopy(f.data(), 0, out, 1, f.data().length);
            return out; // raw: a 4-bit answer comes up as it is, the host reads RxLastBits
        }
        return answer(reply);
    }

    private static boolean isAck(AirReply reply) {
        return reply instanceof AirReply.Frame f && f.isFourBit() && (f.data()[0] & 0x0F) == ACK;
    }

    /** Status byte then data; a 4-bit ACK is success without data, a 4-bit NAK is passed up as one byte. */
    private static byte[] answer(AirReply reply) {
        return switch (reply) {
            case AirReply.Silence s -> status(StatusByte.TIMEOUT);
            case AirReply.Corrupt c -> status(StatusByte.CRC);
            case AirReply.Collision c -> status(StatusByte.COLLISION);
            case AirReply.Frame f when isAck(f) -> status(StatusByte.OK);
            case AirReply.Frame f -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.write(StatusByte.OK);
                out.writeBytes(f.data());
                yield out.toByteArray();
            }
        };
    }

    private static byte[] status(int status) {
        return new byte[] {(byte) status};
    }
}
