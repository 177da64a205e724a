package dev.portal.hardware.sim.pn532;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The model's initiator state: the listed targets (Tg 1 and 2) and which of them is ACTIVE on the air. At most
 * one tag is active at a time; talking to another listed target halts the active one and re-activates the
 * other with WUPA and a SELECT by UID, as the chip's firmware does.
 */
final class TargetTable {
    private final Iso14443aInitiator initiator;
    private final List<ModelTarget> targets = new ArrayList<>();
    private int activeTg;

    TargetTable(Iso14443aInitiator initiator) {
        this.initiator = initiator;
    }

    void clear() {
        targets.clear();
        activeTg = 0;
    }

    List<ModelTarget> all() {
        return List.copyOf(targets);
    }

    Optional<ModelTarget> find(int tg) {
        return targets.stream().filter(t -> t.tg() == tg).findFirst();
    }

    /** Adds a freshly activated tag; it is the active one now. */
    ModelTarget add(ActivatedTag tag) {
        ModelTarget t = new ModelTarget(targets.size() + 1, tag);
        targets.add(t);
        activeTg = t.tg();
        return t;
    }

    /** Makes {@code target} the active tag; false when it no longer answers. */
    boolean ensureActive(ModelTarget target) {
        if (activeTg == target.tg()) {
            return true;
        }
        haltActive();
        Optional<ActivatedTag> again = initiator.activate(true, Optional.of(target.tag().uid()));
        if (again.isPresent()) {
            activeTg = target.tg();
            return true;
        }
        return false;
    }

    /**
     * Whether the active target still answers: it is halted and woken again by UID (WUPA + SELECT), which
     * leaves it active when it is there. Nothing active means nothing present.
     */
    boolean presenceCheck() {
        Optional<ModelTarget> target = find(activeTg);
        if (target.isEmpty()) {
            return false;
        }
        haltActive();
        return ensureActive(target.get());
    }

    /** Halts the active tag if it is {@code tg} (0 = whichever is active). */
    void haltIfActive(int tg) {
        if (tg == 0 || tg == activeTg) {
            haltActive();
        }
    }

    void haltActive() {
        if (activeTg != 0) {
            initiator.halt();
            activeTg = 0;
        }
    }

    void remove(int tg) {
        if (tg == 0) {
            clear();
        } else {
            targets.removeIf(t -> t.tg() == tg);
            if (activeTg == tg) {
                activeTg = 0;
            }
        }
    }
}
