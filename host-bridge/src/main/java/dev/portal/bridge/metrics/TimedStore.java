package dev.portal.bridge.metrics;

import dev.portal.bridge.store.Store;
import dev.portal.bridge.store.StoreUnavailableException;
import io.prometheus.metrics.core.metrics.Histogram;

/**
 * The store with every transaction timed, committed or rolled back, into a histogram by outcome (committed, rolled-back, unavailable). It wraps the
 * database itself, under the pausing store, so the time a bridge waits for an unavailable database is not taken
 * for the time of a transaction.
 */
final class TimedStore implements Store {
    private final Store store;
    private final Histogram seconds;

    TimedStore(Store store, Histogram seconds) {
        this.store = store;
        this.seconds = seconds;
    }

    @Override
    public <T> T inTransaction(Work<T> work) {
        long start = System.nanoTime();
        String outcome = "rolled-back";
        try {
            T result = store.inTransaction(work);
            outcome = "committed";
            return result;
        } catch (StoreUnavailableException e) {
            outcome = "unavailable";
            throw e;
        } finally {
            seconds.labelValues(outcome).observe((System.nanoTime() - start) / 1e9);
        }
    }

    @Override
    public void close() {
        store.close();
    }
}
