package dev.portal.bridge.game;

import dev.portal.bridge.command.CommandSender;
import dev.portal.bridge.state.ToyAuthority;
import dev.portal.bridge.limits.InputLimits;
import dev.portal.bridge.store.Store;
import dev.portal.bridge.telemetry.BridgeCounters;
import dev.portal.bridge.telemetry.DeadLetters;

import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What every handler of the bridge's messages shares: the store, the ways out (game publisher, portal
 * commands, dead letters), the counters, the clock, the toy authority (the toy key), the limits on what input
 * may make, and the two threads (the worker every state change runs on,
 * the timer that only schedules work onto it). Assembled once by the bridge, so no handler takes a dozen
 * constructor parameters and no two handlers can be handed different counters or workers.
 */
public record BridgeParts(Store store, GamePublisher publisher, CommandSender commands, DeadLetters deadLetters,
                          BridgeCounters counters, Clock clock, ScheduledExecutorService timer, Executor worker,
                          ToyAuthority toys, InputLimits limits) {

    public BridgeParts {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(publisher, "publisher");
        Objects.requireNonNull(commands, "commands");
        Objects.requireNonNull(deadLetters, "deadLetters");
        Objects.requireNonNull(counters, "counters");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(timer, "timer");
        Objects.requireNonNull(worker, "worker");
        Objects.requireNonNull(toys, "toys");
        Objects.requireNonNull(limits, "limits");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Every part is required (the limits are the defaults unless set); build() names the first one missing. */
    public static final class Builder {
        private Store store;
        private GamePublisher publisher;
        private CommandSender commands;
        private DeadLetters deadLetters;
        private BridgeCounters counters;
        private Clock clock;
        private ScheduledExecutorService timer;
        private Executor worker;
        private ToyAuthority toys;
        private InputLimits limits = InputLimits.defaults();

        private Builder() {
        }

        public Builder store(Store store) {
            this.store = store;
            return this;
        }

        public Builder publisher(GamePublisher publisher) {
            this.publisher = publisher;
            return this;
        }

        public Builder commands(CommandSender commands) {
            this.commands = commands;
            return this;
        }

        public Builder deadLetters(DeadLetters deadLetters) {
            this.deadLetters = deadLetters;
            return this;
        }

        public Builder counters(BridgeCounters counters) {
            this.counters = counters;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** Schedules timeouts; what it runs is handed to the worker. */
        public Builder timer(ScheduledExecutorService timer) {
            this.timer = timer;
            return this;
        }

        /** The one thread every state change runs on. */
        public Builder worker(Executor worker) {
            this.worker = worker;
            return this;
        }

        /** Judges toys and plans their writes: the holder of the toy key. */
        public Builder toys(ToyAuthority toys) {
            this.toys = toys;
            return this;
        }

        public Builder limits(InputLimits limits) {
            this.limits = limits;
            return this;
        }

        public BridgeParts build() {
            return new BridgeParts(store, publisher, commands, deadLetters, counters, clock, timer, worker, toys,
                    limits);
        }
    }
}
