package dev.portal.hardware.sim.rf;

import dev.portal.hardware.reader.Uid;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The RF field of one antenna with the tags in it. A reader transmits a frame; every powered tag sees it, and the
 * answers of all tags that reply are combined bit by bit the way a Manchester receiver hears them: where they
 * agree the bit is clear, where they differ the first such position is reported as a collision (collided bits
 * read as 1). A longer answer simply continues past a shorter one. Then the {@link FaultInjector} adds noise.
 *
 * <p>Thread-safe: a driver thread transmits while a test thread places and removes tags.
 */
public final class RfField {
    private final List<Transponder> tags = new ArrayList<>();
    private final FaultInjector faults;
    private final AirTimeMeter meter = new AirTimeMeter();
    private boolean on;

    public RfField() {
        this(FaultInjector.none());
    }

    public RfField(FaultInjector faults) {
        this.faults = faults;
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

    /** Puts a tag into the field; it arrives unpowered (IDLE once the field is on). */
    public synchronized void add(Transponder tag) {
        if (tags.contains(tag)) {
            return;
        }
        tag.powerOff();
        tags.add(tag);
    }

    /** Takes a tag out of the field; it loses power. True if it was there. */
    public synchronized boolean remove(Transponder tag) {
        boolean removed = tags.remove(tag);
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

    /** Sends one frame and returns what the receiver got (silence when the field is off or nobody answers). */
    public synchronized Reception transceive(RfFrame command) {
        meter.readerSent(command);
        if (!on) {
            return Reception.silence();
        }
        List<RfFrame> answers = new ArrayList<>();
        for (Transponder tag : tags) {
            tag.respond(command).filter(f -> f.bitCount() > 0).ifPresent(answers::add);
        }
        Reception reception = faults.apply(combine(answers));
        meter.tagAnswered(reception);
        return reception;
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
