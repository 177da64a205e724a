package dev.portal.hardware.sim.pn532;

import dev.portal.hardware.iso14443a.Iso14443aActivation;
import dev.portal.hardware.reader.ReaderException;
import dev.portal.hardware.reader.TagInfo;
import dev.portal.hardware.reader.Uid;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PN532 firmware's ISO14443A activation: REQA or WUPA, then anticollision (or a direct SELECT when the host
 * named the UID) over every cascade level, and HLTA. The protocol steps are the shared
 * {@link Iso14443aActivation}, run on the model's receiver; a failed activation is "no target", as the chip
 * reports it.
 */
final class Iso14443aInitiator {
    private static final Logger log = LoggerFactory.getLogger(Iso14443aInitiator.class);

    private final AirInterface air;
    private final Iso14443aActivation activation;

    Iso14443aInitiator(AirInterface air) {
        this.air = air;
        this.activation = new Iso14443aActivation(air.pcd());
    }

    /**
     * Wakes tags (WUPA also wakes halted ones) and selects one: the one with {@code uid} when given, else the
     * one anticollision finds first. Empty when nothing answers or the selection fails.
     */
    Optional<ActivatedTag> activate(boolean wakeHalted, Optional<Uid> uid) {
        if (!air.fieldOn()) {
            return Optional.empty();
        }
        try {
            Optional<Integer> atqa = wakeHalted ? activation.wupa() : activation.reqa();
            if (atqa.isEmpty()) {
                return Optional.empty();
            }
            TagInfo tag = uid.isPresent() ? activation.selectKnown(uid.get(), withSizeBits(atqa.get(), uid.get()))
                    : activation.selectOne(atqa.get());
            return Optional.of(new ActivatedTag(tag.uid(), tag.atqa(), tag.sak()));
        } catch (ReaderException e) {
            log.debug("activation failed: {}", e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * ATQAs of several tags arrive combined (collided bits lost); bits 7..6 (UID size) at least are known for
     * the tag the host named.
     */
    private static int withSizeBits(int atqa, Uid uid) {
        int size = uid.length() == 4 ? 0 : uid.length() == 7 ? 1 : 2;
        return atqa & ~0xC0 | size << 6;
    }

    /** HLTA; a halted tag does not answer. */
    void halt() {
        try {
            activation.halt();
        } catch (ReaderException e) {
            log.debug("HLTA: {}", e.getMessage());
        }
    }
}
