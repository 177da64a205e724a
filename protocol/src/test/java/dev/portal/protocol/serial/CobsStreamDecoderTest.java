package dev.portal.protocol.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portal.protocol.frame.Frame;
import dev.portal.protocol.frame.FrameArbitraries;
import dev.portal.protocol.frame.FrameCodec;
import dev.portal.protocol.frame.FrameException;
import dev.portal.protocol.frame.FrameException.Reason;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CobsStreamDecoderTest {
    private final Frame frame = FrameArbitraries.samples().get(0);

    @Test
    void endlessNoiseWithoutDelimiterIsDroppedWithoutGrowingAndTheNextFrameArrives() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        byte[] noise = new byte[50_000];
        Arrays.fill(noise, (byte) 0x5A);
        line.write(noise);
        new SerialFrameWriter(line).write(frame);
        List<FrameException> rejected = new ArrayList<>();
        SerialFrameReader reader = new SerialFrameReader(new ByteArrayInputStream(line.toByteArray()), rejected::add);
        assertEquals(Optional.of(frame), reader.read());
        assertEquals(Reason.TOO_LONG, rejected.get(0).reason());
        assertEquals(Optional.empty(), reader.read());
    }

    @Test
    void aPacketWithAFlippedBitIsRejectedAsBadCheckAndItsNeighboursSurvive() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        SerialFrameWriter writer = new SerialFrameWriter(line);
        writer.write(frame);
        int damagedStart = line.size();
        writer.write(frame);
        writer.write(frame);
        byte[] bytes = line.toByteArray();
        bytes[damagedStart + 12] ^= 0x01;
        if (bytes[damagedStart + 12] == 0) {
            bytes[damagedStart + 12] = 0x42;
        }
        List<FrameException> rejected = new ArrayList<>();
        SerialFrameReader reader = new SerialFrameReader(new ByteArrayInputStream(bytes), rejected::add);
        assertEquals(Optional.of(frame), reader.read());
        assertEquals(Optional.of(frame), reader.read());
        assertEquals(Optional.empty(), reader.read());
        assertEquals(1, rejected.size());
        assertTrue(reader.rejections().containsKey(rejected.get(0).reason()));
    }

    @Test
    void aCodeBytePointingPastThePacketIsBadFraming() {
        List<FrameException> discarded = new ArrayList<>();
        new CobsStreamDecoder().feed(new byte[] {0x00, 0x09, 0x01, 0x02, 0x00}, 0, 5, new CobsStreamDecoder.Sink() {
            @Override
            public void packet(byte[] payload) {
                throw new AssertionError("not a packet");
            }

            @Override
            public void discarded(FrameException why) {
                discarded.add(why);
            }
        });
        assertEquals(Reason.BAD_FRAMING, discarded.get(0).reason());
    }

    @Test
    void onTheLineAFrameCostsItsCobsOverheadAndTwoDelimiters() {
        byte[] wire = FrameCodec.encode(frame);
        assertEquals(wire.length + 3, SerialFrameWriter.packet(wire).length);
    }
}
