package dev.portal.device.sim;

import dev.portal.device.app.DeviceService;
import dev.portal.device.app.PortalAssembly;
import dev.portal.device.sim.SimulatedHardware;
import dev.portal.device.config.DeviceConfig;
import dev.portal.device.frame.BootClock;
import dev.portal.device.presence.Holder;
import dev.portal.device.testing.TestConfigs;
import dev.portal.device.testing.TestHost;
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
}
