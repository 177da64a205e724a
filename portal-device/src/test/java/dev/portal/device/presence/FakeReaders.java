package dev.portal.device.presence;

/** Gives tests outside this package a {@link FakeReader}. */
public final class FakeReaders {
    private FakeReaders() {
    }

    /** A fake reader and what tests need to steer it. */
    public record Handle(FakeReader reader) {
        public void put(String uid) {
            reader.put(uid);
        }

        public byte[] memory(String uid) {
            return reader.memory(uid);
        }

        public byte[] lastMemory() {
            return reader.lastMemory;
        }
    }

    public static Handle create(long seed) {
        return new Handle(new FakeReader(seed));
    }
}
