package dev.portal.protocol.frame;

/** Heartbeat body: the health counters as u32 in record order. New counters are appended in later minors. */
final class HeartbeatBody {
    private HeartbeatBody() {
    }

    static void write(Heartbeat h, WireWriter w) {
        HealthCounters c = h.counters();
        w.u32(c.uptimeSeconds()).u32(c.pollsPerSecondX100()).u32(c.readErrors()).u32(c.readerResets())
                .u32(c.corruptTags()).u32(c.rejectedCommands()).u32(c.outboxDepth()).u32(c.outboxDropped())
                .u32(c.brokerReconnects()).u32(c.tagsPresent());
    }

    static Heartbeat read(WireReader r) throws FrameException {
        return new Heartbeat(new HealthCounters(r.u32("uptime"), r.u32("polls per second"), r.u32("read errors"),
                r.u32("reader resets"), r.u32("corrupt tags"), r.u32("rejected commands"), r.u32("outbox depth"),
                r.u32("outbox dropped"), r.u32("broker reconnects"), r.u32("tags present")));
    }
}
