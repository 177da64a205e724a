package dev.portal.hardware.reader;

/** The chip's name and version as it reported them, e.g. ("MFRC522", "2.0") or ("PN532", "1.6"). */
public record ChipInfo(String chip, String version) {
}
