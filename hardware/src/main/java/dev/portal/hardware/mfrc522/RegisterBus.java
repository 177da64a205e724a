package dev.portal.hardware.mfrc522;

import com.pi4j.io.spi.Spi;
import dev.portal.hardware.reader.ReaderException;

/**
 * Register access to an MFRC522 over a Pi4J {@link Spi}, one SPI transfer per call: a write sends the address
 * byte and the data bytes (all to one register); a read sends one address byte per value wanted and a final
 * 0x00, so several registers (or the FIFO many times) come back in one transfer.
 */
final class RegisterBus {
    private final Spi spi;

    RegisterBus(Spi spi) {
        this.spi = spi;
    }

    void write(int register, int value) throws ReaderException {
        transfer(new byte[] {(byte) Mfrc522Registers.writeAddress(register), (byte) value});
    }

    /** Writes every byte to the same register (the FIFO takes them all). */
    void write(int register, byte[] values) throws ReaderException {
        byte[] out = new byte[values.length + 1];
        out[0] = (byte) Mfrc522Registers.writeAddress(register);
        System.arraycopy(values, 0, out, 1, values.length);
        transfer(out);
    }

    int read(int register) throws ReaderException {
        return read(new int[] {register})[0];
    }

    /** Reads several registers in one transfer, in order. */
    int[] read(int... registers) throws ReaderException {
        byte[] out = new byte[registers.length + 1];
        for (int i = 0; i < registers.length; i++) {
            out[i] = (byte) Mfrc522Registers.readAddress(registers[i]);
        }
        byte[] in = transfer(out);
        int[] values = new int[registers.length];
        for (int i = 0; i < registers.length; i++) {
            values[i] = in[i + 1] & 0xFF;
        }
        return values;
    }

    /** Reads the same register {@code count} times in one transfer (FIFO contents). */
    byte[] readRepeated(int register, int count) throws ReaderException {
        byte[] out = new byte[count + 1];
        java.util.Arrays.fill(out, 0, count, (byte) Mfrc522Registers.readAddress(register));
        byte[] in = transfer(out);
        return java.util.Arrays.copyOfRange(in, 1, count + 1);
    }

    private byte[] transfer(byte[] out) throws ReaderException {
        byte[] in = new byte[out.length];
        try {
            int n = spi.transfer(out, in);
            if (n < out.length) {
                throw new ReaderException(ReaderException.Failure.BUS_DEAD,
                        "SPI transferred " + n + " of " + out.length + " bytes");
            }
        } catch (RuntimeException e) {
            throw new ReaderException(ReaderException.Failure.BUS_DEAD, "SPI transfer failed: " + e.getMessage(), e);
        }
        return in;
    }
}
