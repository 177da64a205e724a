package dev.portal.system.chaos;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a chaos run is set up. A run of three minutes or more injects the full set of faults (10 broker restarts,
 * 10 portal kills, 10 bridge kills, a 30 s partition, and with the state on PostgreSQL 5 database restarts);
 * shorter runs scale the counts down, at least one each.
 * <p>
 * {@code bridges}: how many bridge processes serve the portals (default 1). Several share one PostgreSQL
 * ({@code store} must be {@link Store#POSTGRESQL}, see {@link #check()}), each with its own client id, splitting
 * the frames through a shared subscription. A bridge kill then takes one bridge, and every third takes two at once
 * (with two bridges: both, the "all bridges down" case); see {@link FaultPlan}.
 * <p>
 * {@code broker}: Mosquitto (the default) or the bridge's embedded HiveMQ CE in a process of its own; either is
 * restarted by the fault plan with its persistent sessions kept.
 */
public record ChaosOptions(Duration duration, int portals, int pads, int toysPerPortal, long seed,
                           double missedAnswers, double bitErrors, Path dir, Store store, int bridges, Broker broker) {

    public static final Duration FULL = Duration.ofMinutes(3);
    /** More bridges than this gain a chaos run nothing on a small machine but start-up time. */
    public static final int MAX_BRIDGES = 9;
    /** The shared subscription group of several bridges ({@code --shared}). */
    public static final String SHARED_GROUP = "chaos";

    /** A choice scripts/chaos takes by its lower-case name. */
    public interface Choice {
        String name();

        /** The name scripts/chaos takes and the summary prints. */
        default String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The choice of {@code type} labelled {@code label}; throws naming {@code option} and the choices. */
        static <E extends Enum<E> & Choice> E parse(Class<E> type, String option, String label) {
            List<E> all = List.of(type.getEnumConstants());
            return all.stream().filter(e -> e.label().equals(label.toLowerCase(Locale.ROOT))).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(option + " takes "
                            + all.stream().map(Choice::label).collect(Collectors.joining(" or ")) + ", not '" + label
                            + "'"));
        }
    }

    /** Where the bridge keeps its state: its SQLite file (the default deployment) or a PostgreSQL server. */
    public enum Store implements Choice {
        SQLITE, POSTGRESQL;

        /** {@code sqlite} or {@code postgresql}, as scripts/chaos takes it. */
        public static Store parse(String name) {
            return Choice.parse(Store.class, "--store", name);
        }
    }

    /** The broker between portals, bridges and the game server. */
    public enum Broker implements Choice {
        MOSQUITTO, HIVEMQ;

        /** {@code mosquitto} or {@code hivemq}, as scripts/chaos takes it. */
        public static Broker parse(String name) {
            return Choice.parse(Broker.class, "--broker", name);
        }
    }

    public static ChaosOptions defaults(Duration duration, Path dir) {
        // 3 portals x 56 toys, each on for 0.5-1.5 s and off for 0.7-1.5 s: about 150 events/s in total while
        // every portal is up. Missed answers: per answer; 1 % misses about 5 % of the polls of a pad with tags.
        // Bit errors: per bit; 1e-4 corrupts about 1 % of the short answers a poll gets.
        return new ChaosOptions(duration, 3, 4, 56, 20261126L, 0.01, 0.0001, dir, Store.SQLITE, 1, Broker.MOSQUITTO);
    }

    public ChaosOptions withSeed(long s) {
        return new ChaosOptions(duration, portals, pads, toysPerPortal, s, missedAnswers, bitErrors, dir, store,
                bridges, broker);
    }

    public ChaosOptions withPortals(int n, int toys) {
        return new ChaosOptions(duration, n, pads, toys, seed, missedAnswers, bitErrors, dir, store, bridges, broker);
    }

    public ChaosOptions withStore(Store s) {
        return new ChaosOptions(duration, portals, pads, toysPerPortal, seed, missedAnswers, bitErrors, dir, s,
                bridges, broker);
    }

    public ChaosOptions withBridges(int n) {
        return new ChaosOptions(duration, portals, pads, toysPerPortal, seed, missedAnswers, bitErrors, dir, store,
                n, broker);
    }

    public ChaosOptions withBroker(Broker b) {
        return new ChaosOptions(duration, portals, pads, toysPerPortal, seed, missedAnswers, bitErrors, dir, store,
                bridges, b);
    }

    /**
     * Returns these options if a run can be made of them: 1 to {@link #MAX_BRIDGES} bridges, and several only on
     * PostgreSQL (an SQLite file belongs to one bridge process). Throws with the reason otherwise.
     */
    public ChaosOptions check() {
        if (bridges < 1 || bridges > MAX_BRIDGES) {
            throw new IllegalArgumentException("--bridges must be 1 to " + MAX_BRIDGES + ", not " + bridges);
        }
        if (bridges > 1 && store != Store.POSTGRESQL) {
            throw new IllegalArgumentException("--bridges " + bridges + " needs --store postgresql: several bridges "
                    + "share one database, and an SQLite file belongs to one bridge process");
        }
        return this;
    }

    /** The client id of bridge {@code i} (from 0): one bridge keeps the id it always had. */
    public String bridgeId(int i) {
        return bridges == 1 ? "chaos-bridge" : "chaos-bridge-" + (i + 1);
    }

    /** 10 of each fault kind at full length, proportionally fewer in shorter runs, never none. */
    public int faultCount() {
        return scaled(10);
    }

    /**
     * Database restarts: none on SQLite (a file has no server to restart); on PostgreSQL 5 at full length, scaled
     * like the others, never none. Fewer than the other kinds because each keeps the database away for
     * {@link #databaseDown()} and the faults strike one after the other.
     */
    public int databaseRestarts() {
        return store == Store.POSTGRESQL ? scaled(5) : 0;
    }

    /**
     * How long a restarted database stays down: longer than the bridge's first retries (0.1, 0.2, 0.4, 0.8 s...),
     * so it really pauses and waits out several back-off steps, while the portals go on playing.
     */
    public Duration databaseDown() {
        return Duration.ofSeconds(3);
    }

    /** 30 s at full length; a sixth of a shorter run, at least 5 s. */
    public Duration partition() {
        if (duration.compareTo(FULL) >= 0) {
            return Duration.ofSeconds(30);
        }
        return Duration.ofMillis(Math.max(5_000, duration.toMillis() / 6));
    }

    private int scaled(int atFullLength) {
        double scale = Math.min(1.0, (double) duration.toMillis() / FULL.toMillis());
        return Math.max(1, (int) Math.round(atFullLength * scale));
    }
}
