package dev.portal.hardware.sim.rf;

import dev.portal.hardware.iso14443a.CrcA;
import dev.portal.hardware.iso14443a.PcdResponse;
import dev.portal.hardware.iso14443a.PcdTransceiver;
import dev.portal.hardware.reader.ReaderException;
import dev.portal.hardware.reader.ReaderException.Failure;
import dev.portal.protocol.frame.AntennaGain;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * An ideal reader front end straight on an {@link RfField}: what a chip model's firmware uses to run ISO14443A
 * activation itself (a PN532 model answering InListPassiveTarget can drive
 * {@link dev.portal.hardware.iso14443a.Iso14443aActivation} through this), and what tests use to talk to tags
 * without a chip. CRC_A is computed on the host; answers later than the timeout count as silence.
 */
public final class FieldTransceiver implements PcdTransceiver {
    private final RfField field;
    private final Supplier<AntennaGain> receiverGain;
    private long timeoutMicros = 5_000;

    /** A front end whose receiver works at the gain a chip has after reset. */
    public FieldTransceiver(RfField field) {
        this(field, () -> RfField.RESET_GAIN);
    }

    /** A front end whose receiver works at whatever gain {@code receiverGain} gives at each frame (the chip's). */
    public FieldTransceiver(RfField field, Supplier<AntennaGain> receiverGain) {
        this.field = field;
        this.receiverGain = receiverGain;
    }

    @Override
    public PcdResponse transceive(byte[] data, int txLastBits, int rxAlign) throws ReaderException {
        Reception r = field.transceive(RfFrame.withLastBits(data, txLastBits), receiverGain.get());
        if (r.isSilent() || r.delayMicros() > timeoutMicros) {
            if (!r.isSilent()) {
                field.meter().waited(timeoutMicros);
            }
            return PcdResponse.silence();
        }
        if (r.parityError()) {
            throw new ReaderException(Failure.CRC, "parity error in the answer");
        }
        RfFrame in = r.frame();
        int total = rxAlign + in.bitCount();
        byte[] out = new byte[(total + 7) / 8];
        for (int i = 0; i < in.bitCount(); i++) {
            boolean afterCollision = r.hasCollision() && i >= r.collisionBit();
            if (in.bit(i) && !afterCollision) {
                int p = rxAlign + i;
                out[p >> 3] |= (byte) (1 << (p & 7));
            }
        }
        int collisionPos = r.hasCollision() ? rxAlign + r.collisionBit() + 1 : 0;
        if (collisionPos > 32) {
            throw new ReaderException(Failure.COLLISION, "collision outside the anticollision range");
        }
        return new PcdResponse(out, total % 8, collisionPos);
    }

    @Override
    public void setResponseTimeout(Duration timeout) {
        this.timeoutMicros = Math.max(1, timeout.toNanos() / 1000);
    }

    @Override
    public byte[] appendCrc(byte[] data) {
        return CrcA.append(data);
    }

    @Override
    public boolean checkCrc(byte[] frame) {
        return CrcA.check(frame);
    }
}
