package dev.portal.device.firmware;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Launcher step, run from the factory jar before the service starts:
 * {@code java -cp portal-device.jar dev.portal.device.firmware.FirmwareBoot DATA_DIR/firmware} prints the jar to
 * run (the current slot's), or nothing when the factory jar should run. It rolls a crashed update back first,
 * and records each launch of a version on probation on disk before it prints that version's jar, so a version
 * that dies before its own boot guard or health check ever runs cannot keep the portal down: the next launch
 * finds the recorded launch without a healthy mark and goes back. When the record cannot be written the step
 * fails and the launcher starts the factory jar instead.
 */
public final class FirmwareBoot {
    private FirmwareBoot() {
    }

    public static void main(String[] args) throws IOException {
        // stdout carries only the answer (the launcher captures it); logging, which goes to stdout, is sent to stderr
        java.io.PrintStream answer = System.out;
        System.setOut(System.err);
        if (args.length != 1) {
            System.err.println("usage: FirmwareBoot FIRMWARE_DIR");
            System.exit(2);
        }
        SlotStore slots = new SlotStore(Path.of(args[0]));
        String slot = BootGuard.chooseSlot(slots);
        slots.jar(slot).ifPresent(jar -> answer.println(jar.toAbsolutePath()));
        answer.flush();
    }
}
