package dev.portal.protocol.frame;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portal.protocol.tree.FrameTree;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class FrameRoundTripPropertiesTest {

    @Provide
    Arbitrary<Frame> frames() {
        return FrameArbitraries.frames();
    }

    @Property(tries = 2000)
    void decodeOfEncodeIsTheSameFrame(@ForAll("frames") Frame frame) throws FrameException {
        byte[] wire = FrameCodec.encode(frame);
        assertTrue(wire.length <= Limits.MAX_FRAME);
        Frame decoded = FrameCodec.decode(wire);
        assertEquals(frame, decoded);
        assertArrayEquals(wire, FrameCodec.encode(decoded));
    }

    @Property(tries = 1000)
    void theTreeFormIsLossless(@ForAll("frames") Frame frame) {
        assertEquals(frame, FrameTree.fromTree(FrameTree.toTree(frame)));
    }

    @Property(tries = 500)
    void everyStrictPrefixIsRejected(@ForAll("frames") Frame frame) {
        byte[] wire = FrameCodec.encode(frame);
        for (int cut = 0; cut < wire.length; cut += Math.max(1, wire.length / 16)) {
            byte[] prefix = java.util.Arrays.copyOf(wire, cut);
            try {
                FrameCodec.decode(prefix);
                throw new AssertionError("a " + cut + "-byte prefix of " + Hex.format(wire) + " decoded");
            } catch (FrameException expected) {
                // the check over the shortened bytes cannot match (or the prefix is too short)
            }
        }
    }
}
