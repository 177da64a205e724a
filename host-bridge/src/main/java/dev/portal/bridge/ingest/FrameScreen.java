package dev.portal.bridge.ingest;

import dev.portal.bridge.telemetry.BridgeCounters;
import dev.portal.bridge.telemetry.Counter;
import dev.portal.bridge.telemetry.DeadLetters;
import dev.portal.bridge.telemetry.Refusal;
import dev.portal.protocol.frame.Birth;
import dev.portal.protocol.frame.Command;
import dev.portal.protocol.frame.CommandReport;
import dev.portal.protocol.frame.Frame;
import dev.portal.protocol.frame.FrameCodec;
import dev.portal.protocol.frame.FrameException;
import dev.portal.protocol.frame.ToyRead;
import dev.portal.protocol.toy.ToyVerdict;

import java.util.Optional;

/**
 * The first look at a frame, before any ordering: decodes it and refuses what no portal may send whatever its
 * stream position. Each refusal is one dead letter. (The bridge refuses frames larger than the protocol allows
 * before they are queued; the decoder refuses any that reach it.)
 */
final class FrameScreen {
    private final DeadLetters deadLetters;
    private final BridgeCounters counters;

    FrameScreen(DeadLetters deadLetters, BridgeCounters counters) {
        this.deadLetters = deadLetters;
        this.counters = counters;
    }

    /** The frame, or empty when it was refused. */
    Optional<Frame> screen(String deviceId, String topic, byte[] payload) {
        Frame frame;
        try {
            frame = FrameCodec.decode(payload);
        } catch (FrameException e) {
            deadLetters.refuse(Refusal.UNDECODABLE, e.reason() + ": " + e.getMessage(), topic, payload);
            return Optional.empty();
        }
        switch (frame.message()) {
            case Birth birth when !birth.deviceId().equals(deviceId) -> {
                deadLetters.refuse(Refusal.DEVICE_MISMATCH, "Birth of " + birth.deviceId() + " on the topic of "
                        + deviceId, topic, payload);
                return Optional.empty();
            }
            case Command ignored -> {
                deadLetters.refuse(Refusal.UNEXPECTED_COMMAND, "portals do not send commands", topic, payload);
                return Optional.empty();
            }
            // A portal holds no toy key, so its verdict proves nothing. Refused like a command: one dead letter,
            // never held (a 1.1 portal never sends one; the gap it leaves costs at most a Rebirth). A foreign toy
            // (1.2) is the exception: its identity needs no key, only the public format of its line.
            case ToyRead read when read.verdict() != ToyVerdict.FOREIGN -> {
                deadLetters.refuse(Refusal.UNTRUSTED_VERDICT,
                        "portals report toy areas (ToyAreas); only the bridge judges them", topic, payload);
                return Optional.empty();
            }
            // Typed outcome data for technicians' tools: tracked like every frame (it takes a sequence number), kept nowhere.
            case CommandReport ignored -> counters.count(Counter.COMMAND_REPORTS_IGNORED);
            default -> {
            }
        }
        return Optional.of(frame);
    }
}
