package dev.portal.hardware.sim.rf;

import dev.portal.protocol.frame.AntennaGain;
import dev.portal.protocol.id.Uid;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The RF field of one antenna with the tags in it. A reader transmits a frame; every powered tag sees it, and the
 * answers of all tags that reply are combined bit by bit the way a Manchester receiver hears them: where they
 * agree the bit is clear, where they differ the first such position is reported as a collision (collided bits
 * read as 1). A longer answer simply continues past a shorter one. Then the {@link FaultInjector} adds noise.
 * Before that, each tag's {@link Coupling} decides whether it is powered at all and whether the receiver, at the
 * gain the chip model transmits with, hears its answer, misses it or gets it garbled: from where the tag lies
 * ({@link Placement}, {@link Placement#NORMAL} unless told) and the pad's {@link Antenna} ({@link Antenna#GOOD}
 * unless told), with noise seeded per field.
 *
 * <p>Thread-safe: a driver thread transmits while a test thread places and removes tags.
 */
public final class RfField {
    /** The receiver gain of a chip after reset (RxGain 100). */
    public static final AntennaGain RESET_GAIN = new AntennaGain(33);

    private final List<Transponder> tags = new ArrayList<>();
    private final Map<Transponder, Placement> placements = new HashMap<>();
    private final FaultInjector faults;
    private final Coupling coupling;
    private final AirTimeMeter meter = new AirTimeMeter();
    private Antenna antenna = Antenna.GOOD;
    private boolean on;

    public RfField() {
        this(FaultInjector.none());
    }

    public RfField(FaultInjector faults) {
        this(faults, 0);
    }

    /** A field whose coupling noise is seeded with {@code couplingSeed}. */
    public RfField(FaultInjector faults, long couplingSeed) {
        this.faults = faults;
        this.coupling = new Coupling(couplingSeed);
    }

    public synchronized Antenna antenna() {
        return antenna;
    }

    /** Changes the antenna's quality (a weak pad); applies from the next frame. */
    public synchronized void antenna(Antenna antenna) {
        this.antenna = antenna;
    }

    /** Where a tag in the field lies; empty when it is not in this field. */
    public synchronized Optional<Placement> placement(Transponder tag) {
        return Optional.ofNullable(placements.get(tag));
    }

    public FaultInjector faults() {
        return faults;
    }

    public AirTimeMeter meter() {
        return meter;
    }

    /** Switching the field off powers every tag down, so each one forgets its protocol state. */
    public synchronized void setOn(boolean on) {
        if (this.on && !on) {
            tags.forEach(Transponder::powerOff);
        }
        this.on = on;
    }

    public synchronized boolean isOn() {
        return on;
    }

    /** Puts a tag into the field at the {@link Placement#NORMAL} distance. */
    public synchronized void add(Transponder tag) {
        add(tag, Placement.NORMAL);
    }

    /**
     * Puts a tag into the field at {@code placement}; it arrives unpowered (IDLE once the field is on). A tag
     * already in the field only moves nearer or further, keeping its state while it stays powered.
     */
    public synchronized void add(Transponder tag, Placement placement) {
        placements.put(tag, placement);
        if (tags.contains(tag)) {
            return;
        }
        tag.powerOff();
        tags.add(tag);
    }

    /** Takes a tag out of the field; it loses power. True if it was there. */
    public synchronized boolean remove(Transponder tag) {
        boolean removed = tags.remove(tag);
        placements.remove(tag);
        if (removed) {
            tag.powerOff();
        }
        return removed;
    }

    public synchronized boolean contains(Transponder tag) {
        return tags.contains(tag);
    }

    public synchronized List<Transponder> tags() {
        return List.copyOf(tags);
    }

    public synchronized Optional<Transponder> find(Uid uid) {
        return tags.stream().filter(t -> t.uid().equals(uid)).findFirst();
    }

    /** As {@link #transceive(RfFrame, AntennaGain)} at the gain a chip has after reset. */
    public synchronized Reception transceive(RfFrame command) {
        return transceive(command, RESET_GAIN);
    }

    /**
     * Sends one frame and returns what a receiver at {@code receiverGain} got (silence when the field is off or
     * nobody answers). A tag without enough field neither hears the frame nor keeps its state.
     */
    public synchronized Reception transceive(RfFrame command, AntennaGain receiverGain) {
        meter.readerSent(command);
        if (!on) {
            return Reception.silence();
        }
        List<RfFrame> answers = new ArrayList<>();
        boolean garbled = false;
        for (Transponder tag : tags) {
            Placement placement = placements.getOrDefault(tag, Placement.NORMAL);
            if (!Coupling.powers(antenna, placement, tag)) {
                tag.powerOff();
                continue;
            }
            Optional<RfFrame> answer = tag.respond(command).filter(f -> f.bitCount() > 0);
            if (answer.isEmpty()) {
                continue;
            }
            switch (coupling.hear(Coupling.levelDb(antenna, placement, receiverGain.nearestStep().decibels()))) {
                case HEARD -> answers.add(answer.get());
                case GARBLED -> {
                    answers.add(overdriven(answer.get()));
                    garbled = true;
                }
                case LOST -> { }
            }
        }
        Reception combined = combine(answers);
        if (garbled && !combined.isSilent()) {
            combined = new Reception(combined.frame(), combined.collisionBit(), true, combined.delayMicros());
        }
        Reception reception = faults.apply(combined);
        meter.tagAnswered(reception);
        return reception;
    }

    /** An answer through an overdriven receiver: every third bit comes out wrong. */
    private static RfFrame overdriven(RfFrame answer) {
        RfFrame out = answer;
        for (int i = 1; i < answer.bitCount(); i += 3) {
            out = out.withBitFlipped(i);
        }
        return out;
    }

    static Reception combine(List<RfFrame> answers) {
        if (answers.isEmpty()) {
            return Reception.silence();
        }
        if (answers.size() == 1) {
            return Reception.clean(answers.getFirst());
        }
        int length = answers.stream().mapToInt(RfFrame::bitCount).max().orElseThrow();
        byte[] out = new byte[(length + 7) / 8];
        int collision = -1;
        for (int i = 0; i < length; i++) {
            boolean one = false;
            boolean zero = false;
            for (RfFrame f : answers) {
                if (i < f.bitCount()) {
                    if (f.bit(i)) {
                        one = true;
                    } else {
                        zero = true;
                    }
                }
            }
            if (one && zero && collision < 0) {
                collision = i;
            }
            if (one) {
                out[i >> 3] |= (byte) (1 << (i & 7));
            }
        }
        return new Reception(RfFrame.ofBits(out, length), collision, false, Reception.NOMINAL_DELAY_MICROS);
    }
}
