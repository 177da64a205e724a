package dev.portal.system.chaos;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * {@code scripts/chaos [--minutes M] [--seed N] [--dir DIR] [--store sqlite|postgresql] [--bridges N]
 * [--broker mosquitto|hivemq]}: runs the chaos test and prints its summary. With {@code --store postgresql} the
 * bridge keeps its state on a throwaway PostgreSQL server, which the run restarts among the other faults; only
 * there can several bridges ({@code --bridges}) share it. See {@link ChaosOptions}.
 * Exit code 0 when nothing was lost, duplicated or falsely removed; 1 otherwise; 2 on bad arguments.
 */
public final class ChaosMain {
    private static final String USAGE = "usage: scripts/chaos [--minutes M (default 3)] [--seed N] [--dir DIR] "
            + "[--store sqlite|postgresql (default sqlite)] [--bridges N (default 1; more than one needs --store "
            + "postgresql)] [--broker mosquitto|hivemq (default mosquitto)]";

    private ChaosMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.println(USAGE);
            return 0;
        }
        ChaosOptions options;
        try {
            options = parse(args, Path.of("var", "chaos",
                    LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))));
        } catch (RuntimeException e) {
            System.err.println("chaos: " + e.getMessage() + " (scripts/chaos --help)");
            return 2;
        }
        ChaosRun run = new ChaosRun(options, System.out);
        try {
            Verdict.Summary summary = run.run();
            return run.passed(summary) ? 0 : 1;
        } catch (Exception e) {
            System.err.println("chaos: the run failed: " + e);
            e.printStackTrace();
            return 1;
        }
    }

    /**
     * The run scripts/chaos's arguments ask for, its data in {@code defaultDir} unless {@code --dir} says otherwise.
     * Throws IllegalArgumentException saying what is wrong, also for a combination no run can be made of
     * ({@link ChaosOptions#check()}).
     */
    static ChaosOptions parse(String[] args, Path defaultDir) {
        double minutes = 3;
        long seed = -1;
        Path dir = defaultDir;
        ChaosOptions.Store store = ChaosOptions.Store.SQLITE;
        int bridges = 1;
        ChaosOptions.Broker broker = ChaosOptions.Broker.MOSQUITTO;
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("unknown argument or missing value: '" + args[i] + "'");
            }
            String value = args[i + 1];
            switch (args[i]) {
                case "--minutes" -> minutes = Double.parseDouble(value);
                case "--seed" -> seed = Long.parseLong(value);
                case "--dir" -> dir = Path.of(value);
                case "--store" -> store = ChaosOptions.Store.parse(value);
                case "--bridges" -> bridges = Integer.parseInt(value);
                case "--broker" -> broker = ChaosOptions.Broker.parse(value);
                default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'");
            }
        }
        if (minutes <= 0 || minutes > 600) {
            throw new IllegalArgumentException("--minutes must be above 0 and at most 600");
        }
        ChaosOptions options = ChaosOptions.defaults(Duration.ofMillis((long) (minutes * 60_000)), dir.toAbsolutePath())
                .withStore(store).withBridges(bridges).withBroker(broker);
        return (seed >= 0 ? options.withSeed(seed) : options).check();
    }
}
