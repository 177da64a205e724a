package dev.portal.device.firmware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portal.link.DeviceId;
import dev.portal.protocol.frame.CommandResult;
import dev.portal.protocol.frame.Status;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What keeps a signed but old image off a portal: the security version it has committed, which only goes up,
 * and a downgrade permission that holds only for the portals it names and until it expires.
 */
class RollbackProtectionTest extends FirmwareDeviceFixture {
    private static final DeviceId OTHER = DeviceId.of("portal-8");

    private void boot(Duration deadline, boolean healthy, WallClock clock) throws Exception {
        boot(deadline, FirmwareHost.probe("self-test", healthy), clock);
    }

    private void boot() throws Exception {
        boot(Duration.ofSeconds(30), true, WallClock.HOST);
    }

    private CommandResult push(String version, long securityVersion, Optional<DowngradeGrant> downgrade) throws Exception {
        byte[] image = FirmwareImages.jar(version, 2000);
        return host.push(FirmwareImages.chunks(
                FirmwareImages.manifest(version, image, fleet.getPrivate(), securityVersion, downgrade), image));
    }

    /** Installs, restarts into it and returns the outcome its health check leads to. */
    private CommandResult update(String version, long securityVersion, boolean healthy) throws Exception {
        CommandResult installed = push(version, securityVersion, Optional.empty());
        assertEquals(Status.OK, installed.status(), installed.detail());
        assertNotNull(restarts.poll(5, TimeUnit.SECONDS));
        boot(Duration.ofMillis(healthy ? 30_000 : 300), healthy, WallClock.HOST);
        CommandResult outcome = host.awaitOutcome();
        if (!healthy) {
            assertNotNull(restarts.poll(5, TimeUnit.SECONDS), "restarted after the rollback");
        }
        boot();
        return outcome;
    }

    @Test
    void imageBelowTheCommittedSecurityVersionIsRefusedEvenWithADowngradePermission() throws Exception {
        boot();
        assertEquals(Status.FAILED, update("1.1.0", 5, false).status(), "rolled back: its security version 5 never counted");
        assertEquals(Status.OK, update("1.2.0", 2, true).status());
        assertEquals("2", Files.readString(dir.resolve("security-version")).strip(), "kept across restarts");

        CommandResult newerButWeaker = push("1.3.0", 1, Optional.empty());
        assertEquals(Status.REJECTED, newerButWeaker.status(), newerButWeaker.detail());
        assertEquals("security-version: image 1.3.0 has security version 1, below 2, the highest this portal has"
                + " committed", newerButWeaker.detail());

        CommandResult permitted = push("1.0.5", 1, FirmwareImages.downgradeFor(Duration.ofHours(1), FirmwareHost.ID));
        assertEquals(Status.REJECTED, permitted.status(), permitted.detail());
        assertTrue(permitted.detail().startsWith("security-version: image 1.0.5 has security version 1, below 2"),
                permitted.detail());
        assertEquals("1.2.0", host.service.runningVersion());

        CommandResult sameLevel = push("1.0.6", 2, FirmwareImages.downgradeFor(Duration.ofHours(1), FirmwareHost.ID));
        assertEquals(Status.OK, sameLevel.status(), "a downgrade that keeps the security version: " + sameLevel.detail());
    }

    @Test
    void downgradePermissionHoldsOnlyForThePortalsItNamesAndUntilItExpires() throws Exception {
        boot();
        CommandResult none = push("0.9.0", 0, Optional.empty());
        assertTrue(none.detail().startsWith("downgrade: image 0.9.0 is not newer than running 1.0.0"), none.detail());

        CommandResult elsewhere = push("0.9.0", 0, FirmwareImages.downgradeFor(Duration.ofHours(1), OTHER));
        assertEquals(Status.REJECTED, elsewhere.status(), elsewhere.detail());
        assertEquals("downgrade: the downgrade permission is for portal-8, not this portal (portal-7)", elsewhere.detail());

        CommandResult expired = push("0.9.0", 0, FirmwareImages.downgradeFor(Duration.ofMinutes(-1), FirmwareHost.ID));
        assertEquals(Status.REJECTED, expired.status(), expired.detail());
        assertTrue(expired.detail().startsWith("downgrade: the downgrade permission expired at "), expired.detail());

        // a permission binds the whole manifest: not even an upgrade is taken under someone else's
        CommandResult upgradeElsewhere = push("1.1.0", 0, FirmwareImages.downgradeFor(Duration.ofHours(1), OTHER));
        assertEquals(Status.REJECTED, upgradeElsewhere.status(), upgradeElsewhere.detail());
        assertEquals(SlotStore.FACTORY, host.slots.current(), "nothing installed so far");

        CommandResult valid = push("0.9.0", 0, FirmwareImages.downgradeFor(Duration.ofHours(1), OTHER, FirmwareHost.ID));
        assertEquals(Status.OK, valid.status(), valid.detail());
        assertEquals("a", host.slots.current());
    }

    /** A Pi without NTP yet may be days behind and would take an expired permission for a valid one. */
    @Test
    void downgradeIsRefusedWhileTheClockIsNotSynchronised() throws Exception {
        boot(Duration.ofSeconds(30), true, new WallClock() {
            public Instant now() {
                return Instant.now();
            }

            public boolean synced() {
                return false;
            }
        });
        CommandResult downgrade = push("0.9.0", 0, FirmwareImages.downgradeFor(Duration.ofHours(1), FirmwareHost.ID));
        assertEquals(Status.REJECTED, downgrade.status(), downgrade.detail());
        assertTrue(downgrade.detail().startsWith("downgrade: this portal's clock is not synchronised yet"), downgrade.detail());

        CommandResult upgrade = push("1.1.0", 0, Optional.empty());
        assertEquals(Status.OK, upgrade.status(), "an upgrade needs no clock: " + upgrade.detail());
    }
}
