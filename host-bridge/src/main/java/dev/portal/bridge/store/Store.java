package dev.portal.bridge.store;

/**
 * The bridge's durable state. Every change happens inside one transaction together with the stream position
 * of the frame that caused it, so replaying a frame after a crash changes nothing.
 */
public interface Store extends AutoCloseable {

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    <T> T inTransaction(Work<T> work);

    @Override
    void close();

    @FunctionalInterface
    interface Work<T> {
        T run(StoreTx tx) throws Exception;
    }
}
