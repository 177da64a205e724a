package dev.portal.portalctl.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portal.device.serial.CableGuard;
import dev.portal.device.serial.JSerialCommPort;
import dev.portal.device.serial.SerialLink;
import dev.portal.portalctl.testing.FakePortal;
import dev.portal.protocol.id.Uid;
import dev.portal.protocol.toy.ToyVerdict;
import dev.portal.testsupport.Await;
import dev.portal.testsupport.MosquittoExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * portalctl serial PORT ... against a portal whose serial console (the device's SerialLink) sits on the other
 * end of a socat pty pair: the technician's cable (calibrate and config over the cable run against the real device
 * service in {@link DeviceSerialConsoleTest}). FAILS when socat is missing.
 */
class SerialCommandsTest {
    @RegisterExtension
    static final MosquittoExtension MOSQUITTO = new MosquittoExtension();

    @TempDir
    Path dir;
    FakePortal portal;
    Process socat;
    SerialLink console;
    Path technicianEnd;
    final ScheduledExecutorService beats = Executors.newSingleThreadScheduledExecutor();

    @BeforeEach
    void cable() throws Exception {
        String exe = Files.isExecutable(Path.of("/usr/bin/socat")) ? "/usr/bin/socat" : null;
        if (exe == null) {
            throw new AssertionError("socat is not installed (apt-get install socat): the serial tests need a pty pair");
        }
        Path portalEnd = dir.resolve("ttyPortal");
        technicianEnd = dir.resolve("ttyTech");
        socat = new ProcessBuilder(exe, "-d", "-d", "pty,raw,echo=0,link=" + portalEnd, "pty,raw,echo=0,link=" + technicianEnd)
                .redirectErrorStream(true).redirectOutput(dir.resolve("socat.log").toFile()).start();
        Await.until("socat to make the pty pair (its log: " + dir.resolve("socat.log") + ")",
                () -> Files.exists(portalEnd) && Files.exists(technicianEnd), Duration.ofSeconds(10));
        portal = new FakePortal(MOSQUITTO.uri(), "basement-2", dir.resolve("portal"), null, Duration.ofSeconds(5)).start();
        console = new SerialLink(JSerialCommPort.open(portalEnd.toString(), 115200, 100), portal::handle,
                CableGuard.readOnly("basement-2"), SerialLink.localFramer(0x5E71A1)).start();
        portal.addSink(console::send);
    }

    @AfterEach
    void unplug() throws InterruptedException {
        beats.shutdownNow();
        console.close();
        portal.close();
        socat.destroy();
        socat.waitFor(5, TimeUnit.SECONDS);
    }

    @Test
    void statusWorksOverTheCable() {
        beats.scheduleAtFixedRate(portal::heartbeat, 100, 300, TimeUnit.MILLISECONDS);
        String port = technicianEnd.toString();
        Cli.Run status = Cli.run("serial", port, "status", "--heartbeat-wait", "3s");
        assertEquals(0, status.code(), status.toString());
        assertTrue(status.out().contains("Device        basement-2"), status.toString());
        assertTrue(status.out().contains("Health        (live heartbeat)"), status.toString());

    }

    @Test
    void watchShowsTheEventsThePortalSendsOnTheCable() throws Exception {
        Cli.Running watch = Cli.start("serial", technicianEnd.toString(), "watch", "--count", "2", "--for", "15s",
                "--toy-key-file", FakePortal.writeToyKey(dir).toString());
        watch.waitForStderr("watching " + technicianEnd, Duration.ofSeconds(10));
        portal.place(1, new FakePortal.Tag(Uid.parse("04AABBCCDDEEFF"), ToyVerdict.BLANK, Optional.empty()));
        Cli.Run r = watch.await(Duration.ofSeconds(20));
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("placed   pad 1 slot 0 uid 04AABBCCDDEEFF"), r.toString());
        assertTrue(r.out().contains("areas    pad 1 slot 0 uid 04AABBCCDDEEFF NTAG215, A 64 bytes, B 64 bytes: BLANK"),
                r.toString());
    }

    @Test
    void aMissingPortIsReportedAsUnreachable() {
        Cli.Run r = Cli.run("serial", dir.resolve("no-such-tty").toString(), "status");
        assertEquals(3, r.code(), r.toString());
        assertTrue(r.err().contains("no-such-tty"), r.toString());
    }
}
