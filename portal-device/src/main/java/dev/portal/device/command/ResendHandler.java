package dev.portal.device.command;

import dev.portal.device.frame.KeptFrames;
import dev.portal.device.health.HealthStats;
import dev.portal.device.mqtt.ReplayQueue;
import dev.portal.protocol.frame.ResendFrames;
import dev.portal.protocol.frame.Status;

import java.io.IOException;
import java.util.List;

/**
 * Serves {@code resend_frames}: frames of this boot a broker acknowledged but delivered to no host are looked up
 * among those the outbox keeps and handed to the publisher once more. A request for another boot is refused (the
 * host has moved on from it, and a portal knows only its own boot's frames as current); one arriving while the
 * publisher is still busy with the last is answered BUSY, so a host cannot pile up work on the portal.
 */
record ResendHandler(long bootId, KeptFrames kept, ReplayQueue replays, HealthStats health) {
    Outcome resend(ResendFrames r) {
        if (r.bootId() != bootId) {
            return refused(Status.REJECTED, String.format("boot %08x is not this portal's current boot %08x: "
                    + "frames of an earlier boot are never sent again", r.bootId(), bootId));
        }
        if (replays.busy()) {
            return refused(Status.BUSY, "a resend is still under way: ask again when its frames have arrived");
        }
        List<byte[]> frames;
        try {
            frames = kept.find(r.bootId(), r.fromSeq(), r.toSeq());
        } catch (IOException e) {
            return refused(Status.FAILED, "could not read the kept frames: " + e.getMessage());
        }
        if (!replays.offer(frames)) { // the command thread is the only one offering, but stay honest
            return refused(Status.BUSY, "a resend is still under way");
        }
        health.resendRequests.incrementAndGet();
        health.framesResent.addAndGet(frames.size());
        int missing = r.span() - frames.size();
        return Outcome.ok("resent " + frames.size() + " of " + r.span() + " (frames " + r.fromSeq() + ".." + r.toSeq()
                + (missing == 0 ? ")" : "; " + missing + " no longer kept: gone for good)"));
    }

    private Outcome refused(Status status, String why) {
        health.resendsRefused.incrementAndGet();
        return Outcome.of(status, why);
    }
}
