package dev.portal.protocol.foreign;

/** CRC-16/CCITT-FALSE: polynomial 0x1021, initial value 0xFFFF, MSB first, no reflection, no final XOR. */
final class Crc16Ccitt {
    private Crc16Ccitt() {
    }

    static int of(byte[] data, int from, int to) {
        int crc = 0xFFFF;
        for (int i = from; i < to; i++) {
            crc ^= (data[i] & 0xFF) << 8;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
            }
            crc &= 0xFFFF;
        }
        return crc;
    }
}
