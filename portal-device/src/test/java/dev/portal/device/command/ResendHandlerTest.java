package dev.portal.device.command;

import dev.portal.device.frame.KeptFrames;
import dev.portal.device.health.HealthStats;
import dev.portal.device.mqtt.ReplayQueue;
import dev.portal.device.outbox.Outbox;
import dev.portal.device.outbox.OutboxSettings;
import dev.portal.device.testing.DeliveredFrames;
import dev.portal.protocol.frame.ResendFrames;
import dev.portal.protocol.frame.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResendHandlerTest {
    private static final long BOOT = 0x5EED;

    @TempDir
    Path dir;

    private final HealthStats health = new HealthStats();
    private final ReplayQueue replays = new ReplayQueue();
    private Outbox outbox;
    private ResendHandler handler;

    @BeforeEach
    void open() throws Exception {
        outbox = Outbox.open(OutboxSettings.defaults(dir));
        DeliveredFrames.emit(outbox, BOOT, 20);
        handler = new ResendHandler(BOOT, new KeptFrames(outbox), replays, health);
    }

    @AfterEach
    void close() {
        outbox.close();
    }

    @Test
    void framesOfThisBootAreHandedToThePublisherAndCounted() {
        Outcome out = handler.resend(new ResendFrames(BOOT, 15, 24));
        assertEquals(Status.OK, out.status());
        assertTrue(out.detail().startsWith("resent 5 of 10"), out.detail());
        assertTrue(out.detail().contains("5 no longer kept"), out.detail());
        assertTrue(replays.busy(), "the five wait for the publisher");
        assertEquals(1, health.resendRequests.get());
        assertEquals(5, health.framesResent.get());
    }

    @Test
    void nothingFoundIsStillAnAnswerTheHostCanActOn() {
        Outcome out = handler.resend(new ResendFrames(BOOT, 100, 200));
        assertEquals(Status.OK, out.status());
        assertTrue(out.detail().startsWith("resent 0 of 101"), out.detail());
        assertFalse(replays.busy(), "an empty batch holds nothing up");
    }

    @Test
    void anEarlierBootIsServedFromWhatIsKeptOfIt() {
        Outcome out = handler.resend(new ResendFrames(BOOT + 1, 0, 5));
        assertEquals(Status.OK, out.status());
        assertTrue(out.detail().startsWith("resent 0 of 6") && out.detail().contains("earlier boot"), out.detail());
        assertFalse(replays.busy(), "none of that boot is kept here");
        assertEquals(0, health.resendsRefused.get());
    }

    @Test
    void aSecondRequestWhileOneIsUnderWayIsBusy() {
        assertEquals(Status.OK, handler.resend(new ResendFrames(BOOT, 0, 3)).status());
        Outcome second = handler.resend(new ResendFrames(BOOT, 4, 7));
        assertEquals(Status.BUSY, second.status());
        assertEquals(1, health.resendRequests.get());
        assertEquals(1, health.resendsRefused.get());
        assertFalse(replays.offer(List.of(new byte[1])), "the first batch is still queued, untouched");
    }
}
