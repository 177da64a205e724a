package dev.portal.hardware.sim.pn532;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fazecast.jSerialComm.SerialPort;
import dev.portal.hardware.sim.rf.RfField;
import dev.portal.hardware.pn532.frame.Pn532FrameCodec;
import dev.portal.hardware.pn532.frame.Pn532Frame;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The model served on a real pty: stale host bytes are dropped on open, commands are answered after. */
class SerialModelServerTest {
    @TempDir
    Path dir;

    @Test
    void dropsWhatWasWrittenBeforeItOpenedAndAnswersWhatComesAfter() throws Exception {
        byte[] version = Pn532FrameCodec.encode(Pn532Frame.Information.command(0x02));
        try (SocatPtyPair pty = SocatPtyPair.start(dir.resolve("m"), dir.resolve("h"), dir.resolve("log"),
                Duration.ofSeconds(5))) {
            SerialPort host = SerialPort.getCommPort(pty.clientEnd().toString());
            assertTrue(host.openPort());
            try {
                ByteArrayOutputStream stale = new ByteArrayOutputStream();
                stale.writeBytes(Pn532FrameCodec.wakeUpPreamble(8));
                stale.writeBytes(version);
                host.writeBytes(stale.toByteArray(), stale.size());
                Thread.sleep(100); // let the bytes reach the model's end before it opens
                try (SerialModelServer server = SerialModelServer.start(new Pn532Model(new RfField()),
                        pty.modelEnd().toString())) {
                    assertEquals("", readFor(host, 300), "the stale command must not be answered");
                    host.writeBytes(Pn532FrameCodec.wakeUpPreamble(8), 10);
                    host.writeBytes(version, version.length);
                    assertEquals("0000ff00ff00" + "0000ff06fad50332010607e800", readFor(host, 500));
                    assertTrue(server.running());
                }
            } finally {
                host.closePort();
            }
            long pid = pty.pid();
            pty.close();
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
            assertFalse(Files.exists(pty.clientEnd()), "socat removes its links when it ends");
        }
    }

    private static String readFor(SerialPort port, int millis) {
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, 50, 0);
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        long end = System.nanoTime() + millis * 1_000_000L;
        byte[] buf = new byte[256];
        while (System.nanoTime() < end) {
            int n = port.readBytes(buf, buf.length);
            if (n > 0) {
                got.write(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(got.toByteArray());
    }
}
