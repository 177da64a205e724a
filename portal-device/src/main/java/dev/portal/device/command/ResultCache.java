package dev.portal.device.command;

import dev.portal.protocol.frame.CommandResult;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The results of the most recent commands by correlation id, so a command delivered twice (QoS 1 allows it, and
 * a host may retry) is answered with the same result without being executed again.
 */
final class ResultCache {
    private final Map<Long, CommandResult> results;

    ResultCache(int capacity) {
        results = new LinkedHashMap<>(capacity * 2, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, CommandResult> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized Optional<CommandResult> get(long correlationId) {
        return Optional.ofNullable(results.get(correlationId));
    }

    synchronized void put(CommandResult result) {
        results.put(result.correlationId(), result);
    }
}
