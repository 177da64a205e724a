package dev.portal.device.sim;

import dev.portal.device.app.DeviceService;
import dev.portal.device.app.PortalAssembly;
import dev.portal.device.sim.SimulatedHardware;
import dev.portal.device.config.DeviceConfig;
import dev.portal.device.frame.BootClock;
import dev.portal.device.presence.Holder;
import dev.portal.device.testing.TestConfigs;
import dev.portal.device.testing.SimDevice;
import dev.portal.device.testing.TestHost;
import dev.portal.hardware.sim.rf.Placement;
import dev.portal.testsupport.Mosquitto;
import dev.portal.testsupport.MosquittoExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The simulator console driving the running service: place, move, remove, list, and bad lines. */
class SimConsoleTest {
    @RegisterExtension
    static final MosquittoExtension MOSQUITTO = new MosquittoExtension(Mosquitto.Builder::persistent);

    @TempDir
    Path dir;

    @Test
    void aScriptPlacesMovesAndRemovesToysAndBadLinesAreReportedNotFatal() throws Exception {
        DeviceConfig config = TestConfigs.config("console", MOSQUITTO.broker(), dir, 2);
        try (SimulatedHardware hw = SimulatedHardware.open(2, 1);
             DeviceService service = PortalAssembly.assemble(config, hw.readers(), hw.lights(),
                     new BootClock(true), () -> { })) {
            service.start();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            SimConsole console = new SimConsole(hw.portal(), new ToyCatalogue(TestHost.KEY),
                    service, new PrintStream(bytes, true, StandardCharsets.UTF_8));
            String script = String.join("\n", "# a comment", "place 0 dragon", "sleep 500", "place 1 04C0FFEE000001",
                    "sleep 600", "move dragon 1", "sleep 600", "list", "place 9 dragon", "jump", "remove 04C0FFEE000001",
                    "sleep 800", "list");
            int failures = console.run(new BufferedReader(new StringReader(script)), true);
            String out = bytes.toString(StandardCharsets.UTF_8);
            assertEquals(2, failures, out);
            assertTrue(out.contains("error: no pad 9"), out);
            assertTrue(out.contains("error: unknown command 'jump'"), out);
            List<Holder> now = service.slots().snapshot();
            assertEquals(1, now.size(), out);
            assertEquals(1, now.get(0).pad(), "the dragon moved to pad 1");
            assertEquals(0, now.get(0).slot(), "and kept its slot");
            assertTrue(out.contains("slot 0  04D7A9C1E25B80  NTAG213  (dragon)"), out);
            assertTrue(out.contains("pad 1  LED UNVERIFIED #808080 PULSE"), "no host judged it: " + out);
        }
    }

    @Test
    void toysArePlacedNearOrFarAndAntennasWeakenedAndBadWordsAreExplained() throws Exception {
        try (SimDevice device = SimDevice.start(SimulatedPortal.config(dir, "tcp://127.0.0.1:1", 1), 1)) {
            SimulatedHardware hw = device.hw();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            SimConsole console = new SimConsole(hw.portal(), new ToyCatalogue(TestHost.KEY),
                    device.service(), new PrintStream(bytes, true, StandardCharsets.UTF_8));
            String script = String.join("\n", "antenna 0 weak", "place 0 dragon far", "sleep 500", "list",
                    "place 0 dragon near", "place 0 dragon sideways", "place 0 dragon 200mm", "antenna 0 great",
                    "antenna 0 -40", "list");
            int failures = console.run(new BufferedReader(new StringReader(script)), true);
            String out = bytes.toString(StandardCharsets.UTF_8);
            assertEquals(4, failures, out);
            assertTrue(out.contains("placed 04D7A9C1E25B80 on pad 0, 30 mm from the antenna"), out);
            assertTrue(out.contains("pad 0  LED") && out.contains("antenna -6.5 dB"), out);
            assertTrue(out.contains("(dragon)  30 mm"), out);
            assertTrue(out.contains("(dragon)  0 mm"), "placed again: only nearer, still on the pad: " + out);
            assertTrue(out.contains("error: a placement is near, normal, far or a distance like 25mm, not 'sideways'"),
                    out);
            assertTrue(out.contains("error: a distance is 0..100 mm, not 200.0"), out);
            assertTrue(out.contains("error: an antenna is good, weak or a quality in dB (-30..0), not 'great'"), out);
            assertTrue(out.contains("error: an antenna quality is -30..0 dB, not -40.0"), out);
            assertTrue(out.contains("missed polls"), out);
            assertEquals(Placement.NEAR, hw.portal().pad(0).placement(hw.portal().pad(0).tags().get(0)).orElseThrow());
        }
    }
}
