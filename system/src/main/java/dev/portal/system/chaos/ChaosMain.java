package dev.portal.system.chaos;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * {@code scripts/chaos [--minutes M] [--seed N] [--dir DIR] [--store sqlite|postgresql]}: runs the chaos test and
 * prints its summary. With {@code --store postgresql} the bridge keeps its state on a throwaway PostgreSQL server,
 * which the run restarts among the other faults.
 * Exit code 0 when nothing was lost, duplicated or falsely removed; 1 otherwise; 2 on bad arguments.
 */
public final class ChaosMain {
    private ChaosMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        double minutes = 3;
        long seed = -1;
        Path dir = null;
        ChaosOptions.Store store = ChaosOptions.Store.SQLITE;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--minutes" -> minutes = Double.parseDouble(args[++i]);
                    case "--seed" -> seed = Long.parseLong(args[++i]);
                    case "--dir" -> dir = Path.of(args[++i]);
                    case "--store" -> store = ChaosOptions.Store.parse(args[++i]);
                    case "--help", "-h" -> {
                        System.out.println("usage: scripts/chaos [--minutes M (default 3)] [--seed N] [--dir DIR] "
                                + "[--store sqlite|postgresql (default sqlite)]");
                        return 0;
                    }
                    default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'");
                }
            }
            if (minutes <= 0 || minutes > 600) {
                throw new IllegalArgumentException("--minutes must be above 0 and at most 600");
            }
        } catch (RuntimeException e) {
            System.err.println("chaos: " + e.getMessage() + " (scripts/chaos --help)");
            return 2;
        }
        if (dir == null) {
            dir = Path.of("var", "chaos", LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        }
        ChaosOptions options = ChaosOptions.defaults(Duration.ofMillis((long) (minutes * 60_000)), dir.toAbsolutePath())
                .withStore(store);
        if (seed >= 0) {
            options = options.withSeed(seed);
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
}
