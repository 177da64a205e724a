package dev.portal.device.health;

import java.util.concurrent.atomic.AtomicLong;

/** Counters the service keeps for the Heartbeat. Thread-safe; every part of the service counts here. */
public final class HealthStats {
    public final AtomicLong polls = new AtomicLong();
    public final AtomicLong readErrors = new AtomicLong();
    public final AtomicLong readerResets = new AtomicLong();
    public final AtomicLong corruptTags = new AtomicLong();
    public final AtomicLong rejectedCommands = new AtomicLong();
    public final AtomicLong garbageCommands = new AtomicLong();
    public final AtomicLong failedToyReads = new AtomicLong();
    public final AtomicLong falseMissesAverted = new AtomicLong();
    /** Polls of a pad with toys on it whose scan failed or did not see every one of them (weak coupling, noise). */
    public final AtomicLong missedPolls = new AtomicLong();
    public final AtomicLong portalFull = new AtomicLong();
    public final AtomicLong tagsPresent = new AtomicLong();
    /** resend_frames requests answered ok, the frames they found and handed on again, and those refused. */
    public final AtomicLong resendRequests = new AtomicLong();
    public final AtomicLong framesResent = new AtomicLong();
    public final AtomicLong resendsRefused = new AtomicLong();
}
