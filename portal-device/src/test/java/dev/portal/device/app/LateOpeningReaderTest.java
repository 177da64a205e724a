package dev.portal.device.app;

import dev.portal.device.sim.ToyCatalogue;
import dev.portal.device.testing.TestHost;
import dev.portal.hardware.pn532.Pn532Reader;
import dev.portal.hardware.pn532.transport.UartTransport;
import dev.portal.hardware.reader.NfcReader;
import dev.portal.hardware.reader.ReaderException;
import dev.portal.hardware.reader.ReaderTimeouts;
import dev.portal.hardware.reader.TagInfo;
import dev.portal.hardware.sim.pn532.Pn532Model;
import dev.portal.hardware.sim.pn532.Pn532OnPty;
import dev.portal.hardware.sim.rf.RfField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A PN532 on a USB serial adaptor that is plugged in after the service started: its pad fails as a dead bus
 * until then, and the first reset after it appears opens it (the real UART driver, the PN532 model on a pty).
 */
class LateOpeningReaderTest {
    @TempDir
    Path dir;

    @Test
    void aPn532PluggedInAfterTheStartIsOpenedByThePadsNextReset() throws Exception {
        Path port = dir.resolve("ttyUSB0");
        ReaderTimeouts timeouts = new ReaderTimeouts(Duration.ofMillis(60), Duration.ofMillis(300), Duration.ofMillis(1000));
        NfcReader reader = LateOpeningReader.open("pn532 on uart " + port,
                () -> Pn532Reader.open(UartTransport.open(port.toString()), timeouts));
        ReaderException dead = assertThrows(ReaderException.class, reader::scan);
        assertEquals(ReaderException.Failure.BUS_DEAD, dead.failure(), dead.getMessage());
        assertEquals("not answering", reader.chipInfo().version());
        assertEquals(ReaderException.Failure.BUS_DEAD, assertThrows(ReaderException.class, reader::reset).failure(),
                "still nothing on the port");
        assertEquals(2, reader.health().busDead(), "both attempts counted");

        RfField field = new RfField();
        field.add(new ToyCatalogue(TestHost.KEY).make("dragon"));
        try (Pn532OnPty chip = Pn532OnPty.start(new Pn532Model(field), dir, "ttyUSB0")) {
            try {
                reader.reset();
                assertEquals("PN532", reader.chipInfo().chip());
                reader.setField(true);
                assertEquals(List.of("04D7A9C1E25B80"), reader.scan().stream().map(TagInfo::uid)
                        .map(u -> u.hex()).toList());
            } finally {
                reader.close(); // before the chip goes, so the driver's goodbye is answered
            }
        }
    }
}
