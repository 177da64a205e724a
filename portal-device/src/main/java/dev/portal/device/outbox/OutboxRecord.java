package dev.portal.device.outbox;

/** One journal entry: its position in the journal (increasing for ever, across boots) and its bytes. */
public record OutboxRecord(long index, byte[] payload) {
}
