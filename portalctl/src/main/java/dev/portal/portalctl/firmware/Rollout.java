package dev.portal.portalctl.firmware;

import dev.portal.portalctl.firmware.PushResult.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * A staged rollout: devices in batches of {@code batchPercent} of the fleet (at least one), each batch pushed in
 * parallel; after a batch, if {@code abortAfter} or more devices have failed in total, the remaining devices are
 * skipped. A canary first (e.g. --batch 25%), the rest only when it went well.
 */
public final class Rollout {
    /** Updates one device (a fresh session of its own). */
    @FunctionalInterface
    public interface Push {
        PushResult push(String deviceId) throws Exception;
    }

    private final int batchPercent;
    private final int abortAfter;

    public Rollout(int batchPercent, int abortAfter) {
        if (batchPercent < 1 || batchPercent > 100) {
            throw new IllegalArgumentException("batch must be 1..100%, not " + batchPercent);
        }
        if (abortAfter < 1) {
            throw new IllegalArgumentException("abort-after must be at least 1");
        }
        this.batchPercent = batchPercent;
        this.abortAfter = abortAfter;
    }

    public int batchSize(int devices) {
        return Math.max(1, (int) Math.ceil(devices * batchPercent / 100.0));
    }

    /** Runs the rollout; {@code report} is told of each result as it comes. */
    public List<PushResult> run(List<String> devices, Push push, Consumer<PushResult> report) throws InterruptedException {
        List<PushResult> results = new ArrayList<>();
        int size = batchSize(devices.size());
        int failures = 0;
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(size, 8));
        try {
            for (int from = 0; from < devices.size(); from += size) {
                if (failures >= abortAfter) {
                    for (String d : devices.subList(from, devices.size())) {
                        PushResult skipped = new PushResult(d, Outcome.SKIPPED,
                                "rollout stopped after " + failures + " failure(s) (--abort-after " + abortAfter + ")");
                        results.add(skipped);
                        report.accept(skipped);
                    }
                    break;
                }
                List<String> batch = devices.subList(from, Math.min(devices.size(), from + size));
                List<Future<PushResult>> running = new ArrayList<>();
                for (String d : batch) {
                    running.add(pool.submit(() -> push.push(d)));
                }
                for (int i = 0; i < batch.size(); i++) {
                    PushResult r;
                    try {
                        r = running.get(i).get();
                    } catch (ExecutionException e) {
                        Throwable cause = e.getCause();
                        r = new PushResult(batch.get(i), cause instanceof dev.portal.portalctl.cli.PortalctlException pe
                                && pe.exitCode() == dev.portal.portalctl.ExitCodes.UNREACHABLE ? Outcome.UNREACHABLE
                                : Outcome.FAILED, String.valueOf(cause.getMessage()));
                    }
                    results.add(r);
                    report.accept(r);
                    if (!r.ok()) {
                        failures++;
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return results;
    }
}
