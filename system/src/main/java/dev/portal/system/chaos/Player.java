package dev.portal.system.chaos;

import dev.portal.system.portal.World;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The simulated players: a seeded random schedule of toys put on pads and taken off again, per portal. They
 * own the physical world (the world files) and log every action: the ground truth the bridge is judged by.
 * A toy stays on (and off) long enough for a portal to see it; nobody plays on a portal that is down (its
 * lights are off), so each portal's actions wait while it restarts, and for a moment after it is back: a toy
 * put on just before a crash and lifted before the restarted portal's first look was never on a running
 * portal long enough to be seen, by any portal; and a toy lifted just before a crash (too soon for the
 * portal to notice) and put back on the same pad within the bridge's restart grace cannot be told from one
 * that stayed.
 */
public final class Player {
    private static final Logger LOG = LoggerFactory.getLogger(Player.class);
    static final long MIN_ON = 500;
    static final long MAX_ON = 1500;
    static final long MIN_OFF = 700;
    static final long MAX_OFF = 1500;
    /** Longer than the bridge's restart grace (3 s by default) plus a restarted portal's first look. */
    static final long SETTLE_AFTER_START = 4000;
    /**
     * The first placements are spread over this long: all of a portal's toys within MAX_OFF put a dozen on
     * each pad while the portal's JVM is still cold, and a PN532 pad, which lists two tags per call, then took
     * longer than MIN_ON to see them all (a scripts/test run lost a 0.9 s placement that way). In play a pad
     * holds about half as many.
     */
    static final long FIRST_PLACEMENTS = 5000;

    private record Toy(String portal, String uid, int index) {
    }

    private record Due(long atMillis, Toy toy) {
    }

    private final Random random;
    private final int pads;
    private final Map<String, Path> worldFiles;
    private final Map<String, World> worlds = new ConcurrentHashMap<>();
    /** From when each portal may be played on; Long.MAX_VALUE while it is down. */
    private final Map<String, Long> playableFrom = new ConcurrentHashMap<>();
    private final PriorityQueue<Due> queue = new PriorityQueue<>((a, b) -> Long.compare(a.atMillis, b.atMillis));
    private final List<Action> actions = new ArrayList<>();
    private final BufferedWriter log;

    public Player(long seed, Map<String, Path> worldFiles, int toysPerPortal, int pads, Path logFile) throws IOException {
        this.random = new Random(seed);
        this.pads = pads;
        this.worldFiles = Map.copyOf(worldFiles);
        this.log = Files.newBufferedWriter(logFile);
        long now = System.currentTimeMillis();
        int p = 0;
        for (String portal : worldFiles.keySet().stream().sorted().toList()) {
            worlds.put(portal, World.empty());
            playableFrom.put(portal, Long.MAX_VALUE);
            World.empty().write(worldFiles.get(portal));
            for (int i = 0; i < toysPerPortal; i++) {
                byte[] uid = new byte[7];
                random.nextBytes(uid);
                uid[0] = 0x04; // NXP
                uid[1] = (byte) p;
                uid[2] = (byte) i;
                queue.add(new Due(now + random.nextLong(FIRST_PLACEMENTS), new Toy(portal, HexFormat.of().withUpperCase()
                        .formatHex(uid), i)));
            }
            p++;
        }
    }

    /** The portal's service runs (true) or is down (false): nobody plays on a dark portal. */
    public void portalUp(String portal, boolean isUp) {
        playableFrom.put(portal, isUp ? System.currentTimeMillis() + SETTLE_AFTER_START : Long.MAX_VALUE);
    }

    /** Plays until {@code endMillis}; then leaves the toys where they are. */
    public void play(long endMillis) throws InterruptedException {
        while (System.currentTimeMillis() < endMillis) {
            Due next;
            synchronized (this) {
                next = queue.peek();
            }
            long wait = next.atMillis - System.currentTimeMillis();
            if (wait > 0) {
                Thread.sleep(Math.min(wait, endMillis - System.currentTimeMillis() + 1));
                continue;
            }
            synchronized (this) {
                queue.poll();
                long from = playableFrom.get(next.toy.portal);
                long now = System.currentTimeMillis();
                if (now < from) {
                    // Spread the waiting actions over the time after the portal is back, as they were spread
                    // before: all of them at once would put a dozen toys on each pad in the same instant.
                    long base = from == Long.MAX_VALUE ? now + 200 : from;
                    queue.add(new Due(base + random.nextLong(MAX_OFF), next.toy));
                    continue;
                }
                act(next.toy);
            }
        }
        synchronized (this) {
            try {
                log.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void act(Toy toy) {
        World world = worlds.get(toy.portal);
        Integer on = world.toys().get(toy.uid);
        long now = System.currentTimeMillis();
        Action action;
        World next;
        long stay;
        if (on == null) {
            int pad = random.nextInt(pads);
            next = world.with(toy.uid, pad);
            action = new Action(now, toy.portal, toy.uid, true, pad);
            stay = MIN_ON + random.nextLong(MAX_ON - MIN_ON);
        } else {
            next = world.without(toy.uid);
            action = new Action(now, toy.portal, toy.uid, false, on);
            stay = MIN_OFF + random.nextLong(MAX_OFF - MIN_OFF);
        }
        try {
            next.write(worldFiles.get(toy.portal));
            log.write(action.line());
            log.newLine();
        } catch (IOException e) {
            throw new UncheckedIOException("the player cannot write the world of " + toy.portal, e);
        }
        worlds.put(toy.portal, next);
        actions.add(action);
        queue.add(new Due(now + stay, toy));
    }

    public synchronized List<Action> actions() {
        return List.copyOf(actions);
    }

    public synchronized Map<String, World> worlds() {
        return Map.copyOf(worlds);
    }

    public void close() {
        try {
            synchronized (this) {
                log.close();
            }
        } catch (IOException e) {
            LOG.warn("player log: {}", e.toString());
        }
    }
}
