package dev.portal.protocol.frame;

/** Periodic proof of life with health counters. */
public record Heartbeat(HealthCounters counters) implements Message {
    public Heartbeat {
        Check.present("counters", counters);
    }
}
