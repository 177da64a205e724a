package dev.portal.protocol.serial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portal.protocol.frame.Frame;
import dev.portal.protocol.frame.FrameArbitraries;
import dev.portal.protocol.frame.FrameException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

class SerialFramingPropertiesTest {

    @Provide
    Arbitrary<List<Frame>> frameLists() {
        return FrameArbitraries.frames().list().ofMinSize(1).ofMaxSize(12);
    }

    @Provide
    Arbitrary<byte[]> payloads() {
        Arbitrary<byte[]> any = Arbitraries.bytes().array(byte[].class).ofMaxSize(1200);
        Arbitrary<byte[]> noZeros = Arbitraries.bytes().filter(b -> b != 0).array(byte[].class).ofMinSize(250).ofMaxSize(520);
        Arbitrary<byte[]> zeros = Arbitraries.integers().between(0, 600).map(byte[]::new);
        return Arbitraries.oneOf(any, noZeros, zeros);
    }

    @Property(tries = 500)
    void cobsRoundTripsAndLeavesNoZero(@ForAll("payloads") byte[] payload) throws FrameException {
        byte[] encoded = Cobs.encode(payload);
        for (byte b : encoded) {
            assertTrue(b != 0);
        }
        assertTrue(encoded.length <= Cobs.maxEncodedLength(payload.length));
        assertArrayEquals(payload, Cobs.decode(encoded, 0, encoded.length));
    }

    @Property(tries = 300)
    void framesSurviveGarbageBetweenThemAndArbitraryReadSizes(@ForAll("frameLists") List<Frame> frames,
            @ForAll @Size(max = 12) List<@Size(max = 300) List<Byte>> garbage, @ForAll long seed) throws IOException {
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

    @Property(tries = 300)
    void arbitraryLineNoiseNeverBreaksTheReader(@ForAll @Size(max = 20_000) byte[] noise, @ForAll long seed) throws IOException {
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
