package dev.portal.hardware.sim.pn532;

import dev.portal.hardware.iso14443a.PcdTransceiver;
import dev.portal.protocol.frame.AntennaGain;

/**
 * The RF side of the PN532 model's CIU: what it transmits reaches every powered tag in the field, and whatever
 * they answer comes back merged, as a receiver would see it. Implemented over the virtual tag layer.
 */
public interface AirInterface {

    /** Switches the carrier; tags lose power (and all state) when it goes off. */
    void setField(boolean on);

    boolean fieldOn();

    /**
     * Sends one frame and returns what came back.
     *
     * @param data       the bytes; for a short frame (REQA/WUPA) one byte with {@code txLastBits} 7
     * @param txLastBits valid bits of the last byte, 0 meaning all 8; for anticollision frames with a partial
     *                   UID the tags answer only the missing bits
     * @param rxAlign    where the first received bit goes in the first answer byte (the CIU's RxAlign): for
     *                   anticollision the answer continues the partial byte the reader sent
     * @param crc        append CRC_A to what is sent, and check and strip it on what is received
     */
    AirReply transceive(byte[] data, int txLastBits, int rxAlign, boolean crc);

    /**
     * MIFARE Classic authentication of the ACTIVE tag (60 = key A, 61 = key B) with the chip's Crypto1: true when
     * the tag accepted the key. A refused tag leaves ACTIVE state, as a real one does.
     */
    boolean mifareAuthenticate(int command, int block, byte[] key, byte[] uid);

    /** How long the receiver waits for a tag's answer (0 = for ever); later answers count as silence. */
    void receiveTimeoutMicros(long micros);

    /** The receiver gain (the CIU's RFCfgReg RxGain): with the tags' coupling it decides which answers are heard. */
    void receiverGain(AntennaGain gain);

    /** The same receiver as a bit-exact ISO14443A front end, for the firmware's activation sequence. */
    PcdTransceiver pcd();
}
