package dev.portal.protocol.frame;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portal.protocol.tree.FrameTree;
import dev.portal.testsupport.property.Property;
import org.junit.jupiter.api.Test;

class FrameRoundTripPropertiesTest {

    @Test
    void decodeOfEncodeIsTheSameFrame() {
        Property.forAll(2000, FrameArbitraries.frames(), this::decodeOfEncodeIsTheSameFrame);
    }

    @Test
    void theTreeFormIsLossless() {
        Property.forAll(1000, FrameArbitraries.frames(), this::theTreeFormIsLossless);
    }

    @Test
    void everyStrictPrefixIsRejected() {
        Property.forAll(500, FrameArbitraries.frames(), this::everyStrictPrefixIsRejected);
    }

    private void decodeOfEncodeIsTheSameFrame(Frame frame) throws FrameException {
        byte[] wire = FrameCodec.encode(frame);
        assertTrue(wire.length <= Limits.MAX_FRAME);
        Frame decoded = FrameCodec.decode(wire);
        assertEquals(frame, decoded);
        assertArrayEquals(wire, FrameCodec.encode(decoded));
    }

    private void theTreeFormIsLossless(Frame frame) {
        assertEquals(frame, FrameTree.fromTree(FrameTree.toTree(frame)));
    }

    private void everyStrictPrefixIsRejected(Frame frame) {
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
