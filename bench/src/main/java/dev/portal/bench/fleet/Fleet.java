package dev.portal.bench.fleet;

import dev.portal.bridge.testing.FramePortal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * N portals, each with its own MQTT connection, status and Birth, played on one scheduler of two threads (a
 * portal is idle nearly all the time: a thread per portal would only cost memory). Each connection has the
 * link's network threads in common (HiveMQ's client shares one Netty event loop among its clients) and an
 * inbound thread of its own, started when the first command (a verdict) reaches it.
 */
final class Fleet implements AutoCloseable {
    private static final int CONNECTING_AT_ONCE = 16;
    private static final long CLOSE_TIMEOUT_SECONDS = 120;

    private final List<PlayingPortal> portals;
    private final ScheduledExecutorService scheduler;

    private Fleet(List<PlayingPortal> portals, ScheduledExecutorService scheduler) {
        this.portals = portals;
        this.scheduler = scheduler;
    }

    /** Connects {@code count} portals (16 at a time), each announcing itself online and sending its Birth. */
    static Fleet connect(int count, String brokerUri, PlayModel model, long seed,
                         PlayingPortal.PlacementListener listener) throws Exception {
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(2,
                r -> Thread.ofPlatform().name("fleet-play").daemon(true).unstarted(r));
        scheduler.setRemoveOnCancelPolicy(true);
        List<PlayingPortal> portals = new ArrayList<>();
        Fleet fleet = new Fleet(portals, scheduler);
        try (ExecutorService connecting = Executors.newFixedThreadPool(CONNECTING_AT_ONCE)) {
            List<Future<FramePortal>> started = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String id = String.format("fleet-%06d", i);
                started.add(connecting.submit(() -> {
                    FramePortal portal = new FramePortal(brokerUri, id, model.pads(), Clock.systemUTC());
                    portal.start();
                    return portal;
                }));
            }
            for (int i = 0; i < count; i++) {
                portals.add(new PlayingPortal(started.get(i).get(), i, model, seed, scheduler, listener));
            }
        } catch (Exception e) {
            fleet.close();
            throw e;
        }
        return fleet;
    }

    int size() {
        return portals.size();
    }

    void play() {
        portals.forEach(PlayingPortal::play);
    }

    /** Frames every portal has published so far (Births, heartbeats, toys, answers to commands). */
    long framesSent() {
        return portals.stream().mapToLong(p -> p.frames().framesSent()).sum();
    }

    long sendFailures() {
        return portals.stream().mapToLong(PlayingPortal::sendFailures).sum();
    }

    /** Stops the play, then says offline and disconnects every portal (16 at a time). */
    @Override
    public void close() {
        portals.forEach(PlayingPortal::stop);
        scheduler.shutdownNow();
        try (ExecutorService closing = Executors.newFixedThreadPool(CONNECTING_AT_ONCE)) {
            portals.forEach(p -> closing.execute(p.frames()::close));
            closing.shutdown();
            closing.awaitTermination(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
