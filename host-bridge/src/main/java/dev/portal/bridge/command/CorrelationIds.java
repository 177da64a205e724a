package dev.portal.bridge.command;

import dev.portal.bridge.store.Store;

/**
 * Correlation ids that no run of any bridge on the same store has used before. A portal answers a command
 * whose id it remembers (its last 256 results, kept across its restarts) from memory, so a repeated id would
 * hand a new command an old command's answer. Ids come from a counter in the store (id_block, V5.sql), taken in
 * blocks of {@link #BLOCK}: each block is committed as reserved before any id of it is sent, so a crash skips
 * the unused rest of a block and never hands it out again. Ids are u32 on the wire: they repeat only after
 * 2^32 have been issued.
 */
public final class CorrelationIds {
    /** Ids per reservation: one transaction per 1,024 commands; a restart wastes at most that many. */
    static final int BLOCK = 1024;
    private static final String COUNTER = "command-correlation";
    private static final long U32 = 0xFFFF_FFFFL;

    private final Store store;
    private long next;
    private long end;

    public CorrelationIds(Store store) {
        this.store = store;
    }

    /** The next id, reserving a new block first when this one is used up. */
    public synchronized long next() {
        if (next == end) {
            long first = store.inTransaction(tx -> tx.reserveIds(COUNTER, BLOCK));
            next = first;
            end = first + BLOCK;
        }
        return next++ & U32;
    }
}
