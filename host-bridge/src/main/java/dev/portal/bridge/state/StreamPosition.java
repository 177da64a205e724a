package dev.portal.bridge.state;

/** The highest sequence number applied from one boot of one device (boots are bound to devices by their Birth). */
public record StreamPosition(String deviceId, long bootId, long lastSeq) {
}
