package dev.portal.device.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portal.device.firmware.Ed25519Keys;
import dev.portal.protocol.frame.Calibrate;
import dev.portal.protocol.frame.Command;
import dev.portal.protocol.frame.CommandResult;
import dev.portal.protocol.frame.Frame;
import dev.portal.protocol.frame.Header;
import dev.portal.protocol.frame.Heartbeat;
import dev.portal.protocol.frame.HealthCounters;
import dev.portal.protocol.frame.PresentToken;
import dev.portal.protocol.frame.Rebirth;
import dev.portal.protocol.frame.Status;
import dev.portal.protocol.serial.SerialFrameReader;
import dev.portal.protocol.serial.SerialFrameWriter;
import dev.portal.testsupport.Await;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The serial console over a real pty pair: what a technician's cable would carry. */
class SerialLinkTest {
    @TempDir
    Path dir;

    @Test
    void commandsArriveThroughGarbageAndResultsAndEventsGoBack() throws Exception {
        KeyPair technicianKey = Ed25519Keys.generate();
        CableGuard guard = new CableGuard(Optional.of(technicianKey.getPublic()), "cellar-1", Clock.systemUTC());
        String token = TechnicianToken.unsigned("cellar-1", Instant.now(), Duration.ofMinutes(5), "5e55101d")
                .signedWith(technicianKey.getPrivate()).encode();
        List<Long> dispatched = new CopyOnWriteArrayList<>();
        try (SocatPtyPair cable = new SocatPtyPair(dir)) {
            SerialCommandHandler dispatcher = (command, reply) -> {
                dispatched.add(command.correlationId());
                if (command.body() instanceof Calibrate c) {
                    reply.accept(new CommandResult(command.correlationId(), Status.OK, "pad " + c.pad() + " gain " + c.antennaGainDb()));
                } else {
                    reply.accept(new CommandResult(command.correlationId(), Status.UNKNOWN_COMMAND, ""));
                }
            };
            try (SerialLink device = new SerialLink(JSerialCommPort.open(cable.a.toString(), 115200, 100), dispatcher,
                    guard, SerialLink.localFramer(0xCAFE)).start();
                 JSerialCommPort technician = JSerialCommPort.open(cable.b.toString(), 115200, 100)) {
                SerialFrameWriter out = new SerialFrameWriter(technician.out());
                SerialFrameReader in = new SerialFrameReader(blocking(technician.in()));

                technician.out().write(new byte[] {0x13, 0x37, (byte) 0xFF, 0x42}); // line noise before the frame
                out.write(new Frame(Header.of(1, 0, 0, false), new Command(40, new Calibrate(2, 38, 4))));
                CommandResult refused = assertInstanceOf(CommandResult.class, in.read().orElseThrow().message());
                assertEquals(Status.REJECTED, refused.status());
                assertEquals("the cable is read-only without a technician token", refused.detail());
                out.write(new Frame(Header.of(1, 1, 0, false), new Command(39, new PresentToken(token))));
                CommandResult accepted = assertInstanceOf(CommandResult.class, in.read().orElseThrow().message());
                assertEquals(Status.OK, accepted.status(), accepted.detail());

                out.write(new Frame(Header.of(1, 2, 0, false), new Command(41, new Calibrate(2, 38, 4))));
                Frame reply = in.read().orElseThrow();
                CommandResult result = assertInstanceOf(CommandResult.class, reply.message());
                assertEquals(41, result.correlationId());
                assertEquals("pad 2 gain 38", result.detail());
                assertEquals(0xCAFE, reply.header().bootId());

                out.write(new Frame(Header.of(1, 1, 0, false), new Heartbeat(new HealthCounters(1, 0, 0, 0, 0, 0, 0, 0, 0, 0))));
                device.send(new Heartbeat(new HealthCounters(9, 0, 0, 0, 0, 0, 0, 0, 0, 0)));
                Heartbeat event = assertInstanceOf(Heartbeat.class, in.read().orElseThrow().message());
                assertEquals(9, event.counters().uptimeSeconds());

                assertEquals(List.of(41L), dispatched, "the refused calibration never reached the dispatcher");
                assertEquals(1, device.commandsRefused());
                assertEquals(3, device.commandsHandled());
                Await.until("the device to ignore the heartbeat sent to it", () -> device.framesIgnored() == 1,
                        Duration.ofSeconds(5));
                assertTrue(device.framesRejected() >= 1, "the noise was counted");
            }
        }
    }

    @Test
    void forwardingConsoleHandsCommandsOverEncodedAndMirrorsTheServicesFrames() throws Exception {
        try (SocatPtyPair cable = new SocatPtyPair(dir)) {
            java.util.concurrent.LinkedBlockingQueue<byte[]> submitted = new java.util.concurrent.LinkedBlockingQueue<>();
            try (SerialLink device = SerialLink.forwarding(JSerialCommPort.open(cable.a.toString(), 115200, 100),
                    submitted::add, CableGuard.readOnly("cellar-1"), 7).start();
                 JSerialCommPort technician = JSerialCommPort.open(cable.b.toString(), 115200, 100)) {
                new SerialFrameWriter(technician.out()).write(new Frame(Header.of(1, 0, 0, false),
                        new Command(5, new Rebirth())));
                byte[] command = submitted.poll(10, TimeUnit.SECONDS);
                Command c = assertInstanceOf(Command.class, dev.portal.protocol.frame.FrameCodec.decode(command).message());
                assertEquals(5, c.correlationId());

                byte[] result = dev.portal.protocol.frame.FrameCodec.encode(new Frame(Header.of(9, 3, 0, false),
                        new CommandResult(5, Status.OK, "pad 0: applied 33 dB")));
                device.sendEncoded(result);
                Frame back = new SerialFrameReader(blocking(technician.in())).read().orElseThrow();
                assertEquals("pad 0: applied 33 dB", assertInstanceOf(CommandResult.class, back.message()).detail());
                assertEquals(9, back.header().bootId(), "the service's own frame, unchanged");
            }
        }
    }

    private static InputStream blocking(InputStream polling) {
        return new InputStream() {
            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (System.nanoTime() < deadline) {
                    int n = polling.read(b, off, len);
                    if (n != 0) {
                        return n;
                    }
                }
                throw new IOException("nothing arrived on the serial line within 10 s");
            }
        };
    }
}
