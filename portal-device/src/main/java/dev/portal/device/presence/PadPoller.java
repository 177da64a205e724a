package dev.portal.device.presence;

import dev.portal.device.frame.EventSink;
import dev.portal.device.health.HealthStats;
import dev.portal.device.led.LedSignal;
import dev.portal.device.led.PadLights;
import dev.portal.device.toy.ForeignProbe;
import dev.portal.device.toy.TagMemory;
import dev.portal.protocol.foreign.FailedCheck;
import dev.portal.protocol.foreign.ForeignReading;
import dev.portal.protocol.frame.ToyRead;
import dev.portal.protocol.frame.AntennaGain;
import dev.portal.hardware.reader.NfcReader;
import dev.portal.hardware.reader.ReaderException;
import dev.portal.hardware.reader.TagInfo;
import dev.portal.hardware.reader.TagSession;
import dev.portal.protocol.id.Uid;
import dev.portal.protocol.frame.PadCalibration;
import dev.portal.protocol.frame.TagPlaced;
import dev.portal.protocol.frame.TagRemoved;
import dev.portal.protocol.frame.TagType;
import dev.portal.protocol.frame.ToyAreas;
import dev.portal.protocol.toy.ToyVerdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * One pad's presence logic, run once per poll on the pad's own thread (which owns the reader). A new UID is
 * announced at once (TagPlaced), then both its save areas are read and reported, unjudged (ToyAreas): the host
 * holds the toy key and judges them, and the pad shows "not verified yet" until its verdict comes (ShowVerdict,
 * {@link #showVerdict}). A tag whose areas cannot be read after {@value #READ_ATTEMPTS} attempts is reported with
 * empty areas, so the host is told rather than kept waiting. A tag counts as removed only
 * after {@code removalMissThreshold} consecutive polls in which neither the scan nor a WUPA-based select of its
 * UID found it, confirmed by further selects that nothing answers, so a flaky read is never a removal. Reader
 * failures are counted; a reader that keeps failing is reset, with growing pauses while it stays dead. Nothing here throws out of {@link #pollOnce()}.
 */
public final class PadPoller {
    private static final Logger LOG = LoggerFactory.getLogger(PadPoller.class);
    private static final int READ_ATTEMPTS = 3;
    /**
     * Failed scans in a row before a reset when the bus still answers: RF trouble (lost or garbled answers,
     * collisions) fails scans often with several toys on a pad and is no reason to reset; a second of nothing
     * but failures is.
     */
    private static final int FAILURES_BEFORE_RESET = 20;
    private static final int CONFIRM_SELECTS = 3;

    private final int pad;
    private final NfcReader reader;
    private final SlotTable slots;
    private final EventSink sink;
    private final PadLights lights;
    private final HealthStats health;
    private final LongSupplier clock;
    private final Map<Uid, Tracked> tracked = new LinkedHashMap<>();
    private volatile PadCalibration calibration;
    private int consecutiveFailures;
    private int resetFailures;
    private int pausePolls;

    /** Checked and copied by {@link PadPollerBuilder#build()}. */
    PadPoller(PadPollerBuilder parts) {
        this.pad = parts.pad;
        this.reader = parts.reader;
        this.slots = parts.slots;
        this.sink = parts.sink;
        this.lights = parts.lights;
        this.health = parts.health;
        this.clock = parts.clock;
        this.calibration = parts.calibration;
    }

    /** A builder for one pad's poller; every part is required. */
    public static PadPollerBuilder builder() {
        return new PadPollerBuilder();
    }

    public int pad() {
        return pad;
    }

    public NfcReader reader() {
        return reader;
    }

    public PadCalibration calibration() {
        return calibration;
    }

    /** Applies a calibration: the gain goes to the chip at once (call on the pad thread). */
    public void calibrate(PadCalibration c) throws ReaderException {
        reader.setAntennaGain(new AntennaGain(c.antennaGainDb()));
        this.calibration = c;
    }

    /** Switches the field on and sets the gain; a failure here is handled like any reader failure. */
    public void start() {
        try {
            reader.setField(true);
            reader.setAntennaGain(new AntennaGain(calibration.antennaGainDb()));
        } catch (ReaderException | RuntimeException e) {
            readerFailed(e);
        }
    }

    /** The tags this pad tracks now. */
    public List<TagInfo> present() {
        return tracked.values().stream().map(t -> t.tag).toList();
    }

    public void pollOnce() {
        if (pausePolls > 0) {
            pausePolls--;
            return;
        }
        try {
            List<TagInfo> seen = reader.scan();
            health.polls.incrementAndGet();
            consecutiveFailures = 0;
            resetFailures = 0;
            Set<Uid> uids = new HashSet<>();
            seen.forEach(t -> uids.add(t.uid()));
            if (tracked.keySet().stream().anyMatch(uid -> !uids.contains(uid) && ownedHere(uid))) {
                health.missedPolls.incrementAndGet();
            }
            update(seen);
        } catch (ReaderException | RuntimeException e) {
            if (!tracked.isEmpty()) {
                health.missedPolls.incrementAndGet();
            }
            readerFailed(e);
        }
    }

    private void update(List<TagInfo> seen) {
        Set<Uid> now = new HashSet<>();
        for (TagInfo tag : seen) {
            now.add(tag.uid());
            Tracked t = tracked.get(tag.uid());
            if (t != null && !ownedHere(tag.uid())) {
                tracked.remove(tag.uid()); // it went to another pad and has come back: a new placement
                t = null;
            }
            if (t == null) {
                placed(tag);
            } else {
                t.misses = 0;
                if (!t.reported) {
                    reportFresh(t);
                }
            }
        }
        boolean left = false;
        for (Iterator<Tracked> it = tracked.values().iterator(); it.hasNext(); ) {
            Tracked t = it.next();
            if (now.contains(t.tag.uid())) {
                continue;
            }
            if (!ownedHere(t.tag.uid())) {
                it.remove(); // moved to another pad, which already announced it
                left = true;
                continue;
            }
            if (answersSelect(t)) {
                t.misses = 0; // the scan missed it but it is there: RF noise, not a removal
                health.falseMissesAverted.incrementAndGet();
                continue;
            }
            if (++t.misses >= calibration.removalMissThreshold() && confirmedGone(t)) {
                it.remove();
                removed(t);
                left = true;
            }
        }
        if (left && tracked.isEmpty()) {
            lights.signal(pad, LedSignal.IDLE);
        }
    }

    private boolean ownedHere(Uid uid) {
        return slots.holder(uid).map(h -> h.pad() == pad).orElse(false);
    }

    private void placed(TagInfo tag) {
        TagSession session = null;
        TagType type;
        try {
            session = reader.select(tag.uid());
            type = TagMemory.detect(session, tag);
        } catch (ReaderException | RuntimeException e) {
            health.readErrors.incrementAndGet();
            type = TagMemory.guess(tag);
            if (session != null) {
                session.close();
                session = null;
            }
        }
        long now = clock.getAsLong();
        Optional<SlotTable.Claim> claim = slots.claim(tag.uid(), pad, now, type);
        if (claim.isEmpty()) {
            health.portalFull.incrementAndGet();
            LOG.warn("pad {}: {} ignored, all {} slots are taken", pad, tag.uid(), slots.capacity());
            if (session != null) {
                session.close();
            }
            return;
        }
        int slot = claim.get().slot();
        claim.get().movedFrom().ifPresent(h -> sink.emit(
                new TagRemoved(h.pad(), h.slot(), h.uid(), Math.max(0, now - h.sinceMillis()))));
        sink.emit(new TagPlaced(pad, slot, tag.uid(), type));
        health.tagsPresent.set(slots.present());
        lights.signal(pad, LedSignal.PLACED);
        LOG.info("pad {}: {} {} placed in slot {}", pad, type, tag.uid(), slot);
        Tracked t = new Tracked(tag, type, slot);
        tracked.put(tag.uid(), t);
        if (session != null) {
            try {
                report(t, session);
            } finally {
                session.close();
            }
        }
    }

    private void reportFresh(Tracked t) {
        try (TagSession s = reader.select(t.tag.uid())) {
            report(t, s);
        } catch (ReaderException | RuntimeException e) {
            readFailed(t, e);
        }
    }

    private void report(Tracked t, TagSession session) {
        try {
            ToyAreas areas;
            Optional<ForeignReading> foreign;
            try {
                areas = TagMemory.areas(session, pad, t.slot, t.tag.uid(), t.type);
                foreign = ForeignProbe.afterAreas(reader, session, t.tag, areas);
            } catch (ReaderException e) {
                areas = null;
                foreign = Optional.of(ForeignProbe.afterFailure(reader, t.tag, e));
            }
            if (foreign.isPresent()) {
                reportedForeign(t, foreign.get());
                return;
            }
            reported(t, areas);
            LOG.info("pad {}: {} areas read ({} and {} bytes), awaiting the host's verdict", pad, t.tag.uid(),
                    areas.areaA().map(a -> a.length()).orElse(0), areas.areaB().map(a -> a.length()).orElse(0));
        } catch (ReaderException | RuntimeException e) {
            readFailed(t, e);
        }
    }

    private void reported(Tracked t, ToyAreas areas) {
        t.reported = true;
        sink.emit(areas);
        lights.signal(pad, LedSignal.UNVERIFIED);
    }

    /** A toy of another line: identified (or failing its line's check) here, never judged by the host, never written. */
    private void reportedForeign(Tracked t, ForeignReading reading) {
        t.reported = true;
        slots.markForeign(t.tag.uid());
        sink.emit(ToyRead.foreign(pad, t.slot, t.tag.uid(), reading));
        if (reading instanceof FailedCheck) {
            health.corruptTags.incrementAndGet();
            lights.signal(pad, LedSignal.forVerdict(ToyVerdict.TAMPERED));
        } else {
            lights.signal(pad, LedSignal.forVerdict(ToyVerdict.FOREIGN));
        }
        LOG.info("pad {}: {} is a foreign toy: {}", pad, t.tag.uid(), reading);
    }

    private void readFailed(Tracked t, Exception e) {
        health.failedToyReads.incrementAndGet();
        health.readErrors.incrementAndGet();
        t.readAttempts++;
        LOG.info("pad {}: reading {} failed (attempt {}): {}", pad, t.tag.uid(), t.readAttempts, e.toString());
        if (t.readAttempts >= READ_ATTEMPTS) {
            // it stays but cannot be read: tell the host (which judges empty areas UNKNOWN) rather than retry for ever
            health.corruptTags.incrementAndGet();
            reported(t, TagMemory.unread(pad, t.slot, t.tag.uid(), t.type));
        }
    }

    /**
     * Shows the host's verdict on a toy (ShowVerdict) if that toy still lies in {@code slot} on this pad; false,
     * and nothing shown, when it does not (lifted or moved since the host read it). A TAMPERED toy is counted
     * once per placement. Call on the pad's thread, so a removal cannot slip in between the check and the light.
     */
    public boolean showVerdict(int slot, Uid uid, ToyVerdict verdict) {
        Optional<Holder> holder = slots.inSlot(slot);
        Tracked t = tracked.get(uid);
        if (t == null || holder.isEmpty() || !holder.get().uid().equals(uid) || holder.get().pad() != pad) {
            return false;
        }
        if (verdict == ToyVerdict.TAMPERED && !t.countedTampered) {
            t.countedTampered = true;
            health.corruptTags.incrementAndGet();
        }
        lights.signal(pad, LedSignal.forVerdict(verdict));
        return true;
    }

    /**
     * Whether the tag answers a WUPA-based select of its UID. Something that answers garbled counts as there:
     * only silence is evidence of absence.
     */
    private boolean answersSelect(Tracked t) {
        try (TagSession s = reader.select(t.tag.uid())) {
            if (!t.reported) {
                report(t, s); // a tag the scans keep missing still gets its areas read
            }
            return true;
        } catch (ReaderException e) {
            if (e.failure() != ReaderException.Failure.NO_TAG && e.failure() != ReaderException.Failure.TIMEOUT) {
                health.readErrors.incrementAndGet();
                return true;
            }
            return false;
        } catch (RuntimeException e) {
            health.readErrors.incrementAndGet();
            return true;
        }
    }

    /**
     * The last word before a removal: after {@code removalMissThreshold} polls in which neither the scan nor a
     * select found the tag, {@link #CONFIRM_SELECTS} more selects must all go unanswered. With 5 % of answers
     * lost, a tag that is there survives this by a margin of many orders of magnitude.
     */
    private boolean confirmedGone(Tracked t) {
        for (int attempt = 0; attempt < CONFIRM_SELECTS; attempt++) {
            if (answersSelect(t)) {
                t.misses = 0;
                health.falseMissesAverted.incrementAndGet();
                return false;
            }
        }
        return true;
    }

    private void removed(Tracked t) {
        long now = clock.getAsLong();
        slots.release(t.tag.uid(), pad).ifPresent(h -> {
            sink.emit(new TagRemoved(pad, h.slot(), h.uid(), Math.max(0, now - h.sinceMillis())));
            LOG.info("pad {}: {} removed from slot {}", pad, h.uid(), h.slot());
        });
        health.tagsPresent.set(slots.present());
    }

    private void readerFailed(Exception e) {
        health.readErrors.incrementAndGet();
        consecutiveFailures++;
        boolean dead = e instanceof ReaderException re && re.failure() == ReaderException.Failure.BUS_DEAD;
        if (!dead && consecutiveFailures < FAILURES_BEFORE_RESET) {
            return;
        }
        LOG.warn("pad {}: reader failing ({} in a row, last: {}); resetting it", pad, consecutiveFailures, e.toString());
        health.readerResets.incrementAndGet();
        try {
            reader.reset();
            reader.setField(true);
            reader.setAntennaGain(new AntennaGain(calibration.antennaGainDb()));
            consecutiveFailures = 0;
            LOG.info("pad {}: reader back after reset", pad);
        } catch (ReaderException | RuntimeException again) {
            resetFailures++;
            pausePolls = Math.min(100, 1 << Math.min(resetFailures, 7)); // at 20 Hz: up to 5 s between tries
            lights.signal(pad, LedSignal.ERROR);
            LOG.warn("pad {}: reset failed ({}); next try in {} polls", pad, again.toString(), pausePolls);
        }
    }
}
