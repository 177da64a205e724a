package dev.portal.bench.fleet;

import dev.portal.bridge.testing.FramePortal;
import dev.portal.bridge.testing.SimTag;
import dev.portal.link.LinkException;
import dev.portal.protocol.toy.CoCreation;
import dev.portal.protocol.toy.Colours;
import dev.portal.protocol.toy.ToyRecord;
import dev.portal.protocol.toy.Upgrades;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One simulated portal of the fleet: a {@link FramePortal} (its own MQTT connection, Birth, real frames, verdicts
 * answered) with a box of signed toys, played by {@link PlayModel} on a scheduler it shares with the others.
 * Every method runs on that scheduler, one at a time per portal.
 */
final class PlayingPortal {
    private static final Logger LOG = LoggerFactory.getLogger(PlayingPortal.class);

    /** Told the moment a toy is put down, before its TagPlaced is published. */
    interface PlacementListener {
        void placing(String deviceId, String uidHex);
    }

    private final FramePortal portal;
    private final PlayModel model;
    private final List<SimTag> box;
    private final SplittableRandom random;
    private final ScheduledExecutorService scheduler;
    private final PlacementListener listener;
    private final long startNanos = System.nanoTime();
    /** pad -> the toy on it (index into the box) and when it was put down, in benchmark nanoseconds. */
    private final Map<Integer, OnPad> onPads = new HashMap<>();
    private final List<ScheduledFuture<?>> pending = new ArrayList<>();
    private long sendFailures;

    private record OnPad(int toy, long sinceNanos, ScheduledFuture<?> lift) {
    }

    PlayingPortal(FramePortal portal, int index, PlayModel model, long seed, ScheduledExecutorService scheduler,
                  PlacementListener listener) {
        this.portal = portal;
        this.model = model;
        this.random = new SplittableRandom(seed ^ (index * 0x9E3779B97F4A7C15L));
        this.scheduler = scheduler;
        this.listener = listener;
        this.box = new ArrayList<>();
        for (int t = 0; t < model.toyBox(); t++) {
            // 7-byte NFC UIDs: 04 (the maker), the portal's index, the toy's place in its box
            String uid = String.format("04%06X%02X0000", index, t);
            box.add(SimTag.toy(uid, new ToyRecord(1 + t, 0, new CoCreation("Toy " + t,
                    new Colours(0x3366CC, 0xFFCC00, 0x111111), Upgrades.NONE, 100L * t, 1 + t / 2))));
        }
    }

    FramePortal frames() {
        return portal;
    }

    /** Starts the evening in its steady state: heartbeats at a random phase, in a session or idle. */
    synchronized void play() {
        long beat = model.scaledNanos(model.heartbeat());
        pending.add(scheduler.scheduleAtFixedRate(this::heartbeat, random.nextLong(beat), beat, TimeUnit.NANOSECONDS));
        if (random.nextDouble() < model.duty()) {
            session(random.nextDouble()); // part-way through: what is left of it
        } else {
            idle();
        }
    }

    /** Stops every task of this portal; what it sent stays sent. */
    synchronized void stop() {
        pending.forEach(f -> f.cancel(false));
        onPads.values().forEach(p -> p.lift().cancel(false));
    }

    synchronized long sendFailures() {
        return sendFailures;
    }

    private void idle() {
        long mean = model.scaledNanos(model.meanIdle());
        schedule(this::startSession, (long) (-Math.log(1 - random.nextDouble()) * mean));
    }

    private synchronized void startSession() {
        session(1.0);
    }

    /** A session, or its last {@code share} of it: that share of its toys at random moments within it. */
    private void session(double share) {
        long length = (long) (model.scaledNanos(model.session()) * share);
        double toys = model.toysPerSession() * share;
        int count = (int) toys + (random.nextDouble() < toys - (int) toys ? 1 : 0);
        for (int i = 0; i < count; i++) {
            long at = random.nextLong(Math.max(1, length));
            long stay = (long) (model.scaledNanos(model.toyStay()) * (0.5 + random.nextDouble()));
            schedule(() -> putDown(Math.min(stay, length - at)), at);
        }
        schedule(this::endSession, length);
    }

    private synchronized void endSession() {
        for (int pad : List.copyOf(onPads.keySet())) {
            lift(pad);
        }
        idle();
    }

    private synchronized void putDown(long stayNanos) {
        int pad = freePad();
        int toy = toyNotOnPortal();
        SimTag tag = box.get(toy);
        listener.placing(portal.deviceId(), tag.uid().hex());
        try {
            portal.place(pad, 0, tag);
        } catch (LinkException e) {
            failed("place", e);
            return;
        }
        ScheduledFuture<?> lift = scheduler.schedule(() -> liftIfStill(pad, toy), Math.max(1, stayNanos),
                TimeUnit.NANOSECONDS);
        onPads.put(pad, new OnPad(toy, System.nanoTime(), lift));
    }

    /** A free pad, or the one whose toy has been there longest, lifted first. */
    private int freePad() {
        for (int pad = 0; pad < model.pads(); pad++) {
            if (!onPads.containsKey(pad)) {
                return pad;
            }
        }
        int oldest = onPads.entrySet().stream().min(Map.Entry.comparingByValue(
                java.util.Comparator.comparingLong(OnPad::sinceNanos))).orElseThrow().getKey();
        lift(oldest);
        return oldest;
    }

    private int toyNotOnPortal() {
        while (true) { // the box holds more toys than there are pads, so one is always free
            int toy = random.nextInt(box.size());
            if (onPads.values().stream().noneMatch(p -> p.toy() == toy)) {
                return toy;
            }
        }
    }

    private synchronized void liftIfStill(int pad, int toy) {
        OnPad on = onPads.get(pad);
        if (on != null && on.toy() == toy) {
            lift(pad);
        }
    }

    private void lift(int pad) {
        OnPad on = onPads.remove(pad);
        on.lift().cancel(false);
        try {
            portal.lift(pad, 0);
        } catch (LinkException e) {
            failed("lift", e);
        }
    }

    private synchronized void heartbeat() {
        try {
            portal.heartbeat(TimeUnit.NANOSECONDS.toSeconds((long) ((System.nanoTime() - startNanos) * model.speedUp())));
        } catch (LinkException e) {
            failed("heartbeat", e);
        }
    }

    private void schedule(Runnable task, long delayNanos) {
        pending.removeIf(ScheduledFuture::isDone);
        pending.add(scheduler.schedule(task, Math.max(1, delayNanos), TimeUnit.NANOSECONDS));
    }

    private void failed(String what, LinkException e) {
        if (sendFailures++ == 0) {
            LOG.warn("{}: {} failed: {}", portal.deviceId(), what, e.getMessage());
        }
    }
}
