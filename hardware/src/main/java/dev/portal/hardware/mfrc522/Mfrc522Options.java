package dev.portal.hardware.mfrc522;

import dev.portal.protocol.frame.AntennaGain;
import dev.portal.hardware.reader.ReaderFaultListener;
import dev.portal.hardware.reader.ReaderTimeouts;
import java.time.Duration;
import java.util.Objects;

/**
 * How an MFRC522 reader runs.
 *
 * @param timeouts          command (tag commands, chip timer), bus (margin for the chip itself), reset
 * @param activationTimeout chip timer for REQA/WUPA, anticollision, SELECT and HLTA: tags answer those within
 *                          about 100 us, so a short timer keeps an idle poll short
 * @param gain              receiver gain set at initialisation
 * @param crc               where CRC_A is computed
 * @param listener          told about chip faults and recoveries
 */
public record Mfrc522Options(ReaderTimeouts timeouts, Duration activationTimeout, AntennaGain gain,
                             CrcStrategy crc, ReaderFaultListener listener) {

    public static final Mfrc522Options DEFAULT = new Mfrc522Options(ReaderTimeouts.DEFAULT, Duration.ofMillis(1),
            new AntennaGain(33), CrcStrategy.COPROCESSOR, ReaderFaultListener.NONE);

    public Mfrc522Options {
        Objects.requireNonNull(timeouts);
        Objects.requireNonNull(gain);
        Objects.requireNonNull(crc);
        Objects.requireNonNull(listener);
        if (activationTimeout.isNegative() || activationTimeout.isZero()) {
            throw new IllegalArgumentException("activation timeout must be positive");
        }
    }

    public Mfrc522Options withListener(ReaderFaultListener listener) {
        return new Mfrc522Options(timeouts, activationTimeout, gain, crc, listener);
    }

    public Mfrc522Options withCrc(CrcStrategy crc) {
        return new Mfrc522Options(timeouts, activationTimeout, gain, crc, listener);
    }

    public Mfrc522Options withTimeouts(ReaderTimeouts timeouts) {
        return new Mfrc522Options(timeouts, activationTimeout, gain, crc, listener);
    }
}
