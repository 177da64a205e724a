package dev.portal.device.command;

import dev.portal.device.frame.KeptFrames;
import dev.portal.device.health.HealthStats;
import dev.portal.device.mqtt.ReplayQueue;
import dev.portal.protocol.frame.ResendFrames;
import dev.portal.protocol.frame.Status;

import java.io.IOException;
import java.util.List;

/**
 * Serves {@code resend_frames}: frames a broker acknowledged but delivered to no host are looked up among those
 * the outbox keeps and handed to the publisher once more. An earlier boot's frames are served too: a portal
 * killed just after a broker lost some of its frames comes back with a new boot, and the host still waits for
 * the old boot's lost frames (a toy lifted before the crash) while they lie in the kept journal. One request
 * arriving while the publisher is still busy with the last is answered BUSY, so a host cannot pile up work on
 * the portal.
 */
record ResendHandler(long bootId, KeptFrames kept, ReplayQueue replays, HealthStats health) {
    Outcome resend(ResendFrames r) {
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
                + (r.bootId() == bootId ? "" : String.format(" of the earlier boot %08x", r.bootId()))
                + (missing == 0 ? ")" : "; " + missing + " no longer kept: gone for good)"));
    }

    private Outcome refused(Status status, String why) {
        health.resendsRefused.incrementAndGet();
        return Outcome.of(status, why);
    }
}
