package dev.portal.hardware.pn532.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portal.testsupport.property.Gen;
import dev.portal.testsupport.property.Property;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FrameParserTest {
    private static final HexFormat HEX = HexFormat.of();

    private static List<ParseEvent> parseAll(FrameParser parser) {
        List<ParseEvent> events = new ArrayList<>();
        for (Optional<ParseEvent> e = parser.next(); e.isPresent(); e = parser.next()) {
            events.add(e.get());
        }
        return events;
    }

    private static ParseEvent received(Pn532Frame f) {
        return new ParseEvent.Received(f);
    }

    @Test
    void findsAckAndResponseInOneChunk() {
        FrameParser parser = new FrameParser();
        parser.feed(HEX.parseHex("0000ff00ff00" + "0000ff06fad50332010607e800"));
        assertEquals(List.of(received(new Pn532Frame.Ack()),
                received(Pn532Frame.Information.response(0x03, (byte) 0x32, (byte) 0x01, (byte) 0x06, (byte) 0x07))),
                parseAll(parser));
    }

    @Test
    void skipsGarbageAndFalseStartCodes() {
        FrameParser parser = new FrameParser();
        // noise, a false start code with a bad length checksum, then a real ACK
        parser.feed(HEX.parseHex("5555123400ff0500" + "0000ff00ff00"));
        List<ParseEvent> events = parseAll(parser);
        assertEquals(2, events.size());
        assertEquals(ParseEvent.Kind.LENGTH_CHECKSUM, assertInstanceOf(ParseEvent.Corrupt.class, events.get(0)).kind());
        assertEquals(received(new Pn532Frame.Ack()), events.get(1));
        assertTrue(parser.skippedBytes() > 0);
    }

    @Test
    void reportsBadDataChecksumTypedAndGoesOn() {
        FrameParser parser = new FrameParser();
        byte[] good = Pn532FrameCodec.encode(Pn532Frame.Information.response(0x03, (byte) 1, (byte) 2));
        byte[] bad = good.clone();
        bad[bad.length - 2] ^= 1;
        parser.feed(bad);
        parser.feed(good);
        List<ParseEvent> events = parseAll(parser);
        assertEquals(2, events.size());
        assertEquals(ParseEvent.Kind.DATA_CHECKSUM, assertInstanceOf(ParseEvent.Corrupt.class, events.get(0)).kind());
        assertEquals(received(Pn532Frame.Information.response(0x03, (byte) 1, (byte) 2)), events.get(1));
    }

    @Test
    void noiseThatLooksLikeAFrameHeaderDoesNotSwallowTheFrameBehindIt() {
        // An error frame's postamble 00, then noise FF 18 E8 (a start code and a length that passes its
        // checksum: 24 bytes), then a real response shorter than 24 bytes, then another frame.
        FrameParser parser = new FrameParser();
        Pn532Frame response = Pn532Frame.Information.response(0x03, (byte) 0x32, (byte) 0x01);
        parser.feed(Pn532FrameCodec.encode(new Pn532Frame.ApplicationError()));
        parser.feed(HEX.parseHex("ff18e802d9f9950efbc8"));
        parser.feed(Pn532FrameCodec.encode(response));
        parser.feed(Pn532FrameCodec.encode(new Pn532Frame.ApplicationError()));
        List<Pn532Frame> frames = parseAll(parser).stream()
                .filter(e -> e instanceof ParseEvent.Received).map(e -> ((ParseEvent.Received) e).frame()).toList();
        assertEquals(List.of(new Pn532Frame.ApplicationError(), response, new Pn532Frame.ApplicationError()), frames);
    }

    @Test
    void recognisesNackAndErrorFrame() {
        FrameParser parser = new FrameParser();
        parser.feed(HEX.parseHex("0000ffff0000" + "0000ff01ff7f8100"));
        assertEquals(List.of(received(new Pn532Frame.Nack()), received(new Pn532Frame.ApplicationError())),
                parseAll(parser));
    }

    @Test
    void parsesExtendedFrames() {
        byte[] body = new byte[262];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) (i * 7);
        }
        FrameParser parser = new FrameParser();
        parser.feed(Pn532FrameCodec.encode(new Pn532Frame.Information(0xD5, body)));
        assertEquals(List.of(received(new Pn532Frame.Information(0xD5, body))), parseAll(parser));
    }

    @Test
    void waitsForTheRestOfAFrameSplitAcrossReads() {
        FrameParser parser = new FrameParser();
        byte[] frame = Pn532FrameCodec.encode(Pn532Frame.Information.response(0x4B, new byte[20]));
        parser.feed(frame, 0, 9);
        assertTrue(parser.next().isEmpty());
        parser.feed(frame, 9, frame.length - 9);
        assertEquals(Optional.of(received(Pn532Frame.Information.response(0x4B, new byte[20]))), parser.next());
    }

    private record Line(List<Pn532Frame> frames, int chunk, byte[] noise) {
    }

    @Test
    void everyFrameSurvivesNoiseAndAnyChunking() {
        Gen<Integer> chunks = Gen.ints(1, 40);
        Property.forAll(200, r -> new Line(frames().next(r), chunks.next(r), noise().next(r)),
                c -> everyFrameSurvivesNoiseAndAnyChunking(c.frames(), c.chunk(), c.noise()));
    }

    private void everyFrameSurvivesNoiseAndAnyChunking(List<Pn532Frame> frames, int chunk, byte[] noise) {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        for (Pn532Frame f : frames) {
            stream.writeBytes(noise);
            stream.writeBytes(Pn532FrameCodec.encode(f));
        }
        byte[] bytes = stream.toByteArray();
        FrameParser parser = new FrameParser();
        List<Pn532Frame> out = new ArrayList<>();
        for (int i = 0; i < bytes.length; i += chunk) {
            parser.feed(bytes, i, Math.min(chunk, bytes.length - i));
            for (ParseEvent e : parseAll(parser)) {
                if (e instanceof ParseEvent.Received r) {
                    out.add(r.frame());
                }
            }
        }
        assertEquals(frames, out);
    }

    private static Gen<List<Pn532Frame>> frames() {
        Gen<Integer> tfis = Gen.of(0xD4, 0xD5);
        Gen<byte[]> bodies = Gen.bytes(1, 263);
        Gen<Pn532Frame> info = r -> new Pn532Frame.Information(tfis.next(r), bodies.next(r));
        return Gen.<Pn532Frame>oneOf(info, Gen.of(new Pn532Frame.Ack(), new Pn532Frame.Nack(),
                new Pn532Frame.ApplicationError())).list(0, 6);
    }

    /** Noise without 00 bytes: a 00 in the noise could pair with a frame's own bytes into a start code. */
    private static Gen<byte[]> noise() {
        return Gen.bytes(Gen.bytes().filter(b -> b != 0), 0, 12);
    }
}
