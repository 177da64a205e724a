package dev.portal.protocol.serial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portal.protocol.frame.Frame;
import dev.portal.protocol.frame.FrameArbitraries;
import dev.portal.protocol.frame.FrameException;
import dev.portal.testsupport.property.Gen;
import dev.portal.testsupport.property.Property;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SerialFramingPropertiesTest {

    static Gen<List<Frame>> frameLists() {
        return FrameArbitraries.frames().list(1, 12);
    }

    static Gen<byte[]> payloads() {
        Gen<byte[]> any = Gen.bytes(0, 1200);
        Gen<byte[]> noZeros = Gen.bytes(Gen.bytes().filter(b -> b != 0), 250, 520);
        Gen<byte[]> zeros = Gen.ints(0, 600).map(byte[]::new);
        return Gen.oneOf(any, noZeros, zeros);
    }

    private record Line(List<Frame> frames, List<List<Byte>> garbage, long seed) {
    }

    private record Noise(byte[] noise, long seed) {
    }

    @Test
    void cobsRoundTripsAndLeavesNoZero() {
        Property.forAll(500, payloads(), this::cobsRoundTripsAndLeavesNoZero);
    }

    @Test
    void framesSurviveGarbageBetweenThemAndArbitraryReadSizes() {
        Gen<List<List<Byte>>> garbage = Gen.bytes().list(0, 300).list(0, 12);
        Property.forAll(300, r -> new Line(frameLists().next(r), garbage.next(r), r.nextLong()),
                c -> framesSurviveGarbageBetweenThemAndArbitraryReadSizes(c.frames(), c.garbage(), c.seed()));
    }

    @Test
    void arbitraryLineNoiseNeverBreaksTheReader() {
        Gen<byte[]> noise = Gen.bytes(0, 20_000);
        Property.forAll(300, r -> new Noise(noise.next(r), r.nextLong()),
                c -> arbitraryLineNoiseNeverBreaksTheReader(c.noise(), c.seed()));
    }

    private void cobsRoundTripsAndLeavesNoZero(byte[] payload) throws FrameException {
        byte[] encoded = Cobs.encode(payload);
        for (byte b : encoded) {
            assertTrue(b != 0);
        }
        assertTrue(encoded.length <= Cobs.maxEncodedLength(payload.length));
        assertArrayEquals(payload, Cobs.decode(encoded, 0, encoded.length));
    }

    private void framesSurviveGarbageBetweenThemAndArbitraryReadSizes(List<Frame> frames,
            List<List<Byte>> garbage, long seed) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        SerialFrameWriter writer = new SerialFrameWriter(line);
        for (int i = 0; i < frames.size(); i++) {
            if (i < garbage.size()) {
                for (Byte b : garbage.get(i)) {
                    line.write(b);
                }
            }
            writer.write(frames.get(i));
        }
        line.write(new byte[] {0x11, 0x22, 0x33}); // a half packet at the end is not a frame
        List<FrameException> rejected = new ArrayList<>();
        SerialFrameReader reader = new SerialFrameReader(new TrickleStream(line.toByteArray(), new Random(seed)), rejected::add);
        List<Frame> received = new ArrayList<>();
        for (Optional<Frame> f = reader.read(); f.isPresent(); f = reader.read()) {
            received.add(f.get());
        }
        assertEquals(frames, received);
        assertEquals(frames.size(), reader.framesRead());
    }

    private void arbitraryLineNoiseNeverBreaksTheReader(byte[] noise, long seed) throws IOException {
        List<FrameException> rejected = new ArrayList<>();
        SerialFrameReader reader = new SerialFrameReader(new TrickleStream(noise, new Random(seed)), rejected::add);
        while (reader.read().isPresent()) {
            // noise that happens to hold a valid frame would be one; it is still read without error
        }
        assertTrue(reader.atEnd());
    }

    /** Hands out the bytes in random small reads, as a serial port does. */
    static final class TrickleStream extends InputStream {
        private final ByteArrayInputStream in;
        private final Random random;

        TrickleStream(byte[] bytes, Random random) {
            this.in = new ByteArrayInputStream(bytes);
            this.random = random;
        }

        @Override
        public int read() {
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
            return in.read(b, off, Math.min(len, 1 + random.nextInt(64)));
        }
    }
}
