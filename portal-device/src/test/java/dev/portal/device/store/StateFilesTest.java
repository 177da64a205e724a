package dev.portal.device.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.portal.device.config.RuntimeSettings;
import dev.portal.device.firmware.SlotStore;
import dev.portal.device.testing.PowerCutDisk;
import dev.portal.protocol.frame.CommandResult;
import dev.portal.protocol.frame.Status;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** State files are renamed into place; after a power cut the portal must find what it said it had saved. */
class StateFilesTest {
    @TempDir
    Path dir;

    @Test
    void savedSettingsAndResultsSurviveAPowerCut() throws Exception {
        PowerCutDisk disk = new PowerCutDisk();
        RuntimeSettings v7 = new RuntimeSettings(7, 25, 30, 3, 33);
        CommandResult reboot = new CommandResult(42, Status.OK, "restarting");
        new SettingsStore(dir, disk).saveRuntime(v7);
        new CommandResultStore(dir, disk).save(List.of(reboot));

        disk.powerCut();

        assertEquals(Optional.of(v7), new SettingsStore(dir).loadRuntime(), "the ConfigSet the portal confirmed");
        assertEquals(List.of(reboot), new CommandResultStore(dir).load(), "a repeated Reboot is not run again");
    }

    @Test
    void theFirmwareSlotSwitchedToIsStillTheOneAfterAPowerCut() throws Exception {
        PowerCutDisk disk = new PowerCutDisk();
        new SlotStore(dir.resolve("firmware"), disk).switchTo("b");

        disk.powerCut();

        assertEquals("b", new SlotStore(dir.resolve("firmware")).current(), "the launcher starts the new version");
    }
}
