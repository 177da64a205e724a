package dev.portal.hardware.pn532;

import dev.portal.hardware.pn532.command.ListedTarget;
import dev.portal.hardware.pn532.command.Pn532Commands;
import dev.portal.hardware.reader.ReaderException;
import dev.portal.hardware.reader.TagInfo;
import dev.portal.protocol.id.Uid;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds every type A tag in the field although InListPassiveTarget reports at most two at a time.
 *
 * <p>InListPassiveTarget activates tags with REQA, which only IDLE tags answer; of two listed tags the first is
 * left halted and the second active. So: cycle the RF field (every tag powers up IDLE again, the effect of a
 * WUPA, and halted tags answer again), then repeat: list up to two, halt the active one with HLTA sent through
 * InCommunicateThru, release the chip's target list. Halted tags stay quiet, so each round finds new tags until
 * a round lists none (or only known ones, from a tag that ignores HLTA). Every found tag is left halted.
 * Two tags with the same UID cannot be told apart and count once.
 */
final class TagEnumerator {
    private static final Logger log = LoggerFactory.getLogger(TagEnumerator.class);
    private static final byte[] HLTA = {0x50, 0x00};
    /** Bounds the loop when tags misbehave: 2 new tags a round, more rounds than any pad holds tags. */
    static final int MAX_ROUNDS = 16;

    private final Pn532Commands commands;
    private final Duration listTimeout;
    private final Duration tagTimeout;

    TagEnumerator(Pn532Commands commands, Duration listTimeout, Duration tagTimeout) {
        this.commands = commands;
        this.listTimeout = listTimeout;
        this.tagTimeout = tagTimeout;
    }

    List<TagInfo> enumerate() throws ReaderException {
        wakeAll();
        Map<Uid, TagInfo> found = new LinkedHashMap<>();
        for (int round = 0; round < MAX_ROUNDS; round++) {
            List<ListedTarget> listed = commands.inListPassiveTarget106A(2, Optional.empty(), listTimeout);
            if (listed.isEmpty()) {
                break;
            }
            boolean anyNew = false;
            for (ListedTarget t : listed) {
                anyNew |= found.putIfAbsent(t.uid(), t.tagInfo()) == null;
            }
            haltActive();
            commands.inRelease(0);
            if (!anyNew) {
                log.debug("round {} listed only known tags; stopping", round);
                break;
            }
        }
        return new ArrayList<>(found.values());
    }

    /** RF off then on: every tag loses power and comes back IDLE. */
    void wakeAll() throws ReaderException {
        commands.rfField(false);
        commands.rfField(true);
    }

    /** HLTA to whichever tag is active; a halted tag does not answer, so a timeout status is success. */
    void haltActive() throws ReaderException {
        try {
            commands.inCommunicateThru(HLTA, tagTimeout);
        } catch (ReaderException e) {
            if (e.failure() != ReaderException.Failure.TIMEOUT) {
                throw e;
            }
        }
    }
}
