package dev.portal.hardware.sim.pn532;

import dev.portal.hardware.iso14443a.CrcA;
import dev.portal.hardware.iso14443a.PcdTransceiver;
import dev.portal.hardware.sim.rf.FieldTransceiver;
import dev.portal.hardware.sim.rf.RfFrame;
import dev.portal.hardware.sim.rf.Reception;
import dev.portal.hardware.sim.rf.RfField;
import dev.portal.hardware.sim.tag.MifareAuthModel;
import dev.portal.protocol.frame.AntennaGain;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;

/**
 * The PN532 model's CIU on a virtual {@link RfField}: frames go out as bits, answers come back as the receiver
 * hears them, CRC_A is added and checked as the CIU does, a parity error or a late answer (past the chip's
 * receive timeout) is what the host sees as an error or a timeout.
 */
final class RfFieldAir implements AirInterface {
    /** The chip's default receive timeout for tag answers (RFConfiguration item 02 code 0x0A: 51.2 ms). */
    static final long DEFAULT_TIMEOUT_MICROS = 51_200;

    private final RfField field;
    private final FieldTransceiver pcd;
    private final Random nonces = new SecureRandom();
    private long timeoutMicros;
    private volatile AntennaGain gain = RfField.RESET_GAIN;

    RfFieldAir(RfField field) {
        this.field = field;
        this.pcd = new FieldTransceiver(field, () -> gain); // activation hears with the CIU's gain too
        receiveTimeoutMicros(DEFAULT_TIMEOUT_MICROS);
    }

    @Override
    public PcdTransceiver pcd() {
        return pcd;
    }

    RfField field() {
        return field;
    }

    @Override
    public void receiveTimeoutMicros(long micros) {
        this.timeoutMicros = micros <= 0 ? Long.MAX_VALUE : micros;
        pcd.setResponseTimeout(Duration.ofNanos(Math.min(timeoutMicros, Long.MAX_VALUE / 1000) * 1000));
    }

    @Override
    public void receiverGain(AntennaGain gain) {
        this.gain = gain;
    }

    @Override
    public void setField(boolean on) {
        field.setOn(on);
    }

    @Override
    public boolean fieldOn() {
        return field.isOn();
    }

    @Override
    public AirReply transceive(byte[] data, int txLastBits, int rxAlign, boolean crc) {
        RfFrame out = crc ? RfFrame.of(CrcA.append(data)) : RfFrame.withLastBits(data, txLastBits);
        Reception r = field.transceive(out, gain);
        if (r.isSilent() || r.delayMicros() > timeoutMicros) {
            return new AirReply.Silence();
        }
        if (r.parityError()) {
            return new AirReply.Corrupt();
        }
        RfFrame in = r.frame();
        if (r.hasCollision()) {
            return new AirReply.Collision(aligned(in, rxAlign), r.collisionBit() + rxAlign);
        }
        if (in.bitCount() == 4) {
            return new AirReply.Frame(in.bytes(), 4); // ACK / NAK carry no CRC
        }
        if (crc) {
            byte[] bytes = in.bytes();
            if (!in.isWholeBytes() || bytes.length < 3 || !CrcA.check(bytes)) {
                return new AirReply.Corrupt();
            }
            return new AirReply.Frame(Arrays.copyOf(bytes, bytes.length - 2), 0);
        }
        int bits = in.bitCount() + rxAlign;
        return new AirReply.Frame(aligned(in, rxAlign), bits % 8);
    }

    @Override
    public boolean mifareAuthenticate(int command, int block, byte[] key, byte[] uid) {
        byte[] nR = new byte[4];
        nonces.nextBytes(nR);
        return MifareAuthModel.authenticate(this::timed, command, block, key, uid, nR)
                == MifareAuthModel.Outcome.AUTHENTICATED;
    }

    private Reception timed(RfFrame frame) {
        Reception r = field.transceive(frame, gain);
        return r.delayMicros() > timeoutMicros ? Reception.silence() : r;
    }

    /** The received bits shifted by {@code rxAlign}, as the CIU stores them in its FIFO. */
    private static byte[] aligned(RfFrame in, int rxAlign) {
        int bits = in.bitCount() + rxAlign;
        byte[] out = new byte[(bits + 7) / 8];
        for (int i = 0; i < in.bitCount(); i++) {
            if (in.bit(i)) {
                int p = i + rxAlign;
                out[p >> 3] |= (byte) (1 << (p & 7));
            }
        }
        return out;
    }
}
