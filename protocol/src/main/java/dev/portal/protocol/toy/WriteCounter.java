package dev.portal.protocol.toy;

/**
 * Ordering of the u32 write counters, with wraparound: counters are compared in serial-number arithmetic
 * (as RFC 1982 does for 32-bit serials), so after 0xFFFFFFFF comes 0 and 0 is newer than 0xFFFFFFFF.
 * The two areas of a tag written by {@link SaveAreas#planWrite} always differ by exactly 1, far inside the
 * half-range where the order is defined.
 */
public final class WriteCounter {

    private static final long MASK = 0xFFFF_FFFFL;
    private static final long HALF = 1L << 31;

    private WriteCounter() {
    }

    /** Whether {@code a} was written after {@code b}; false when equal or exactly half the range apart. */
    public static boolean isNewer(long a, long b) {
        long distance = (a - b) & MASK;
        return distance != 0 && distance < HALF;
    }

    /** The counter after {@code counter}, wrapping from 0xFFFFFFFF to 0. */
    public static long next(long counter) {
        return (counter + 1) & MASK;
    }
}
