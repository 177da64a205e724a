package dev.portal.hardware.mfrc522;

/** Where CRC_A is computed: the chip's CRC coprocessor (the datasheet way) or the host (fewer SPI transfers). */
public enum CrcStrategy {
    /** CalcCRC on the chip for frames sent and answers checked. */
    COPROCESSOR,
    /** CRC_A computed on the host ({@link dev.portal.hardware.iso14443a.CrcA}). */
    HOST
}
