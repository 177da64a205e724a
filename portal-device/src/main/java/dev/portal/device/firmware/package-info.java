/**
 * Signed firmware updates of the portal service, done by the device itself.
 *
 * <p>Transfer: a FirmwareChunk command per piece. Chunk 0 carries the {@link dev.portal.device.firmware.FirmwareManifest}
 * (version, size, SHA-256, chunk size, security version, a downgrade permission bound to device ids and an
 * expiry, Ed25519 signature over all of that); it is checked at once against the fleet's public key from the
 * device configuration, so unsigned, mis-signed, oversized and older images are refused before their bytes are
 * sent, and so is any image below the {@link dev.portal.device.firmware.SecurityFloor}, the highest security
 * version committed, which no downgrade permission overrides. Chunks 1.. carry the image and land in a staging
 * directory with a bitmap of what arrived ({@link dev.portal.device.firmware.FirmwareReceiver}); every result
 * says {@code have=H/T next=N}, and re-sending chunk 0 after a disconnect tells the sender where to go on.
 *
 * <p>Install: the staged manifest is read back from the card and its signature checked again (the staging files
 * sat there between chunks), then the assembled image must match its size and hash and be a JAR
 * ({@link dev.portal.device.firmware.ImageVerifier}); it is copied to the inactive slot of
 * {@code firmware/slots/{a,b}}, a {@code pending} record is written, and the {@code current} pointer is switched
 * by an atomic rename ({@link dev.portal.device.firmware.SlotStore}). The service restarts (exit 75; the launcher
 * runs the jar the pointer names).
 *
 * <p>Commit or roll back: {@link dev.portal.device.firmware.BootGuard} gives the new version a deadline to pass its
 * {@link dev.portal.device.firmware.HealthCheck} (which writes the slot's HEALTHY marker); a version that misses
 * it, or starts a second time without the marker (it crashed), is switched back. The launcher runs
 * {@link dev.portal.device.firmware.FirmwareBoot} before every start for the crash case: it records each launch
 * of a version on probation durably before naming its jar, and a second launch without the marker rolls back,
 * so a jar that dies before its own guard runs is caught too. The outcome is sent as a
 * second CommandResult for the last chunk's correlation id once the service is up again.
 */
package dev.portal.device.firmware;
