package dev.portal.device.command;

import dev.portal.protocol.frame.CommandResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The results of the most recent commands by correlation id, so a command delivered twice (QoS 1 allows it, and
 * a host may retry) is answered with the same result without being executed again.
 */
final class ResultCache {
    private final Map<Long, CommandResult> results;
    private final Consumer<List<CommandResult>> store;

    ResultCache(int capacity) {
        this(capacity, List.of(), r -> { });
    }

    /** {@code store} is given all remembered results after each change (to keep them across restarts). */
    ResultCache(int capacity, List<CommandResult> remembered, Consumer<List<CommandResult>> store) {
        this.store = store;
        results = new LinkedHashMap<>(capacity * 2, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, CommandResult> eldest) {
                return size() > capacity;
            }
        };
        remembered.forEach(r -> results.put(r.correlationId(), r));
    }

    synchronized Optional<CommandResult> get(long correlationId) {
        return Optional.ofNullable(results.get(correlationId));
    }

    synchronized void put(CommandResult result) {
        results.put(result.correlationId(), result);
        store.accept(new ArrayList<>(results.values()));
    }
}
