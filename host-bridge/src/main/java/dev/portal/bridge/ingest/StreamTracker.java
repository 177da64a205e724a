package dev.portal.bridge.ingest;

import dev.portal.bridge.limits.InputLimits;
import dev.portal.bridge.state.StreamPosition;
import dev.portal.protocol.frame.Birth;
import dev.portal.protocol.frame.Frame;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Orders each device's frames by (boot, seq): drops duplicates, holds frames that arrive early for a short
 * reorder window, and holds frames of a boot no Birth has announced yet. Not thread-safe: the bridge calls it
 * from its one worker thread. Positions advance only through {@link #applied}, after the state change is
 * committed, so a failed transaction does not skip a frame. It remembers the newest {@code bootsKept} boots
 * of each device (the current one always): frames of an older boot count as unannounced.
 */
public final class StreamTracker {
    /**
     * Most frames one device may have held at once; one more and the wait ends at once. A held frame keeps its
     * acknowledgement, and the broker sends the bridge only so many unacknowledged messages (Mosquitto:
     * max_inflight_messages), so a portal holding more would hold up every other portal. As many as a portal
     * has unacknowledged at once (mqtt.maxInflight, 32 by default): after a reconnect it sends those again, and
     * they may arrive after newer ones. Ending the wait early would drop the late ones as already applied.
     */
    static final int MAX_HELD_PER_DEVICE = 32;
    /**
     * Most frames held for all devices together: half the shipped broker window (1,000), so the other half is
     * always free. Reached only when very many portals reorder at once (a fleet reconnecting) or many hostile ones.
     */
    static final int MAX_HELD_TOTAL = 512;

    private final int bootsKept;
    /**
     * Whether a Birth waits its turn like any frame. One bridge receives a portal's frames in the order they were
     * sent, so a Birth ahead of missing frames means those are lost: it re-synchronises the stream at once.
     * Bridges sharing the portals receive them in any order: a Birth's predecessors may still be on their way
     * through another bridge, and skipping them would drop them as duplicates. There a Birth waits for them
     * (or for the end of the wait, {@link #expire}).
     */
    private final boolean patientBirths;
    /** Per device, its boots in the order they were learnt (oldest first), each with its last sequence. */
    private final Map<String, Map<Long, Long>> lastSeq = new HashMap<>();
    private final Map<String, Map<Long, NavigableMap<Long, Received>>> held = new HashMap<>();
    private final Map<String, Long> heldSince = new HashMap<>();

    /** A frame with the moment it arrived. */
    public record Received(Frame frame, long receivedMillis) {
        long boot() {
            return frame.header().bootId();
        }

        long seq() {
            return frame.header().sequence();
        }
    }

    /** What to do with an offered frame. */
    public sealed interface Decision {
        /** Apply these frames, in this order. */
        record Apply(List<Received> frames) implements Decision { }

        /** Already applied, or already held ({@code held}: the held copy is still waiting). */
        record Duplicate(boolean held) implements Decision { }

        /** Held until the missing frames or the boot's Birth arrive, or the window ends ({@link #expire}). */
        record Held(boolean unknownBoot) implements Decision { }
    }

    /** What the window's end found for one device. */
    public record Expiry(List<Received> apply, List<Received> unannounced, boolean gap) {
    }

    /** Keeps as many boots per device as the default limits do. */
    public StreamTracker() {
        this(InputLimits.defaults().bootsKept());
    }

    public StreamTracker(int bootsKept) {
        this(bootsKept, false);
    }

    /** @param patientBirths whether a Birth waits for the frames before it (bridges sharing the portals) */
    public StreamTracker(int bootsKept, boolean patientBirths) {
        if (bootsKept < 1) {
            throw new IllegalArgumentException("at least the current boot is kept: " + bootsKept);
        }
        this.bootsKept = bootsKept;
        this.patientBirths = patientBirths;
    }

    /** Positions of each device in the order its boots were born (the store lists them so). */
    public void load(List<StreamPosition> positions) {
        for (StreamPosition p : positions) {
            remember(p.deviceId(), p.bootId(), p.lastSeq());
        }
    }

    public boolean knows(String deviceId, long bootId) {
        return lastSeq.getOrDefault(deviceId, Map.of()).containsKey(bootId);
    }

    /** Whether any boot of this device is known: it is a portal of the bridge's already. */
    public boolean knowsDevice(String deviceId) {
        return lastSeq.containsKey(deviceId);
    }

    public Decision offer(String deviceId, Received received, long nowMillis) {
        // No entry is made for a device here: frames of made-up ids must not leave state behind.
        Long last = lastSeq.getOrDefault(deviceId, Map.of()).get(received.boot());
        boolean birth = received.frame().message() instanceof Birth;
        if (last == null) {
            if (!birth || patientBirths && !heldFromZero(deviceId, received.boot(), received.seq())) {
                hold(deviceId, received, nowMillis);
                return startIfComplete(deviceId, received.boot()).<Decision>map(Decision.Apply::new)
                        .orElse(new Decision.Held(true));
            }
            // A new boot starts at its Birth; frames of it that came early are released behind it. Frames held
            // below it (its first Birth was lost, this one answers a Rebirth) are older: they go first.
            List<Received> ready = new ArrayList<>(releaseBelow(deviceId, received.boot(), received.seq()));
            ready.add(received);
            releaseAfter(deviceId, received.boot(), received.seq(), ready);
            return new Decision.Apply(ready);
        }
        if (received.seq() <= last) {
            return new Decision.Duplicate(false);
        }
        if (isHeld(deviceId, received)) {
            return new Decision.Duplicate(true);
        }
        if (received.seq() == last + 1 || birth && !patientBirths) {
            // A Birth re-synchronises the stream (the answer to a Rebirth): frames held before it go first.
            List<Received> ready = new ArrayList<>();
            if (birth) {
                ready.addAll(releaseBelow(deviceId, received.boot(), received.seq()));
            }
            ready.add(received);
            releaseAfter(deviceId, received.boot(), received.seq(), ready);
            return new Decision.Apply(ready);
        }
        hold(deviceId, received, nowMillis);
        return new Decision.Held(false);
    }

    /** Records that a frame's state change is committed. */
    public void applied(String deviceId, long bootId, long seq) {
        remember(deviceId, bootId, seq);
    }

    /** Moves a boot's position on; a boot new to the device may push its oldest one out. */
    private void remember(String deviceId, long bootId, long seq) {
        Map<Long, Long> boots = lastSeq.computeIfAbsent(deviceId, d -> new LinkedHashMap<>());
        boots.merge(bootId, seq, Math::max);
        Iterator<Long> oldestFirst = boots.keySet().iterator();
        while (boots.size() > bootsKept) {
            long boot = oldestFirst.next();
            if (boot != bootId) {
                oldestFirst.remove();
            }
        }
    }

    /** Devices holding frames since before {@code cutoffMillis}. */
    public List<String> overdue(long cutoffMillis) {
        List<String> result = new ArrayList<>();
        heldSince.forEach((device, since) -> {
            if (since <= cutoffMillis) {
                result.add(device);
            }
        });
        return result;
    }

    /**
     * After a frame of {@code deviceId} was held: the device whose wait must end now because the frames held
     * are over a limit, this one ({@link #MAX_HELD_PER_DEVICE}) or the one holding most ({@link #MAX_HELD_TOTAL}).
     */
    public Optional<String> overHoldLimit(String deviceId) {
        if (heldCount(deviceId) > MAX_HELD_PER_DEVICE) {
            return Optional.of(deviceId);
        }
        if (held.keySet().stream().mapToInt(this::heldCount).sum() > MAX_HELD_TOTAL) {
            return held.keySet().stream().max(Comparator.comparingInt(this::heldCount));
        }
        return Optional.empty();
    }

    /**
     * Ends the wait for one device: frames of announced boots are released in order across the gap; frames of
     * boots never announced are handed back to be refused.
     */
    public Expiry expire(String deviceId) {
        heldSince.remove(deviceId);
        Map<Long, NavigableMap<Long, Received>> boots = held.remove(deviceId);
        List<Received> apply = new ArrayList<>();
        List<Received> unannounced = new ArrayList<>();
        boolean gap = false;
        if (boots != null) {
            for (Map.Entry<Long, NavigableMap<Long, Received>> boot : boots.entrySet()) {
                // A boot announced by a Birth that waited its turn starts now, with the frames before that Birth.
                boolean announced = boot.getValue().values().stream()
                        .anyMatch(r -> r.frame().message() instanceof Birth);
                if (knows(deviceId, boot.getKey()) || announced) {
                    apply.addAll(boot.getValue().values());
                    gap = true;
                } else {
                    unannounced.addAll(boot.getValue().values());
                }
            }
        }
        return new Expiry(apply, unannounced, gap);
    }

    /**
     * A boot no Birth has started yet, whose waiting Birth now has every frame from 0 before it: those frames, the
     * Birth, and the frames after it without a gap, in order. Only Births that wait their turn wait for this.
     */
    private Optional<List<Received>> startIfComplete(String deviceId, long boot) {
        NavigableMap<Long, Received> frames = held.getOrDefault(deviceId, Map.of()).get(boot);
        if (!patientBirths || frames == null) {
            return Optional.empty();
        }
        Optional<Received> birth = frames.values().stream().filter(r -> r.frame().message() instanceof Birth)
                .findFirst();
        if (birth.isEmpty() || !heldFromZero(deviceId, boot, birth.get().seq())) {
            return Optional.empty();
        }
        List<Received> ready = new ArrayList<>(releaseBelow(deviceId, boot, birth.get().seq()));
        frames.remove(birth.get().seq());
        ready.add(birth.get());
        releaseAfter(deviceId, boot, birth.get().seq(), ready);
        return Optional.of(ready);
    }

    /** Whether every frame of the boot from sequence 0 up to {@code seq} (not included) is held. */
    private boolean heldFromZero(String deviceId, long boot, long seq) {
        NavigableMap<Long, Received> frames = held.getOrDefault(deviceId, Map.of()).get(boot);
        long below = frames == null ? 0 : frames.headMap(seq, false).size();
        return below == seq;
    }

    public int heldCount(String deviceId) {
        return held.getOrDefault(deviceId, Map.of()).values().stream().mapToInt(Map::size).sum();
    }

    private boolean isHeld(String deviceId, Received received) {
        return isHeld(deviceId, received.boot(), received.seq());
    }

    /** Whether this frame is held, waiting for the frames before it or for its boot's Birth. */
    public boolean isHeld(String deviceId, long bootId, long seq) {
        NavigableMap<Long, Received> boot = held.getOrDefault(deviceId, Map.of()).get(bootId);
        return boot != null && boot.containsKey(seq);
    }

    private void hold(String deviceId, Received received, long nowMillis) {
        held.computeIfAbsent(deviceId, d -> new HashMap<>())
                .computeIfAbsent(received.boot(), b -> new TreeMap<>()).putIfAbsent(received.seq(), received);
        heldSince.putIfAbsent(deviceId, nowMillis);
    }

    /** Moves held frames that follow {@code seq} without a gap into {@code ready}. */
    private void releaseAfter(String deviceId, long boot, long seq, List<Received> ready) {
        NavigableMap<Long, Received> frames = held.getOrDefault(deviceId, Map.of()).get(boot);
        if (frames != null) {
            // frames held at or before seq are now duplicates
            frames.headMap(seq, true).clear();
            long next = seq + 1;
            Received r;
            while ((r = frames.remove(next)) != null) {
                ready.add(r);
                next++;
            }
        }
        tidy(deviceId);
    }

    private List<Received> releaseBelow(String deviceId, long boot, long seq) {
        NavigableMap<Long, Received> frames = held.getOrDefault(deviceId, Map.of()).get(boot);
        if (frames == null) {
            return List.of();
        }
        NavigableMap<Long, Received> below = frames.headMap(seq, false);
        List<Received> result = new ArrayList<>(below.values());
        below.clear();
        return result;
    }

    private void tidy(String deviceId) {
        Map<Long, NavigableMap<Long, Received>> boots = held.get(deviceId);
        if (boots != null) {
            boots.values().removeIf(Map::isEmpty);
            if (boots.isEmpty()) {
                held.remove(deviceId);
                heldSince.remove(deviceId);
            }
        }
    }
}
