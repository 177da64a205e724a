package dev.portal.hardware.sim.pn532;

/** What the model saw on its host link. A snapshot: {@link Pn532Model#counters()} returns copies. */
public final class ModelCounters {
    long commands;
    long corruptFrames;
    long errorFrames;

    public long commands() {
        return commands;
    }

    public long corruptFrames() {
        return corruptFrames;
    }

    public long errorFrames() {
        return errorFrames;
    }

    ModelCounters copy() {
        ModelCounters c = new ModelCounters();
        c.commands = commands;
        c.corruptFrames = corruptFrames;
        c.errorFrames = errorFrames;
        return c;
    }
}
