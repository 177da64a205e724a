package dev.portal.hardware.sim.pn532;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.portal.hardware.sim.rf.RfField;
import dev.portal.hardware.sim.tag.MifareClassic1k;
import dev.portal.hardware.pn532.frame.Pn532FrameCodec;
import dev.portal.hardware.pn532.frame.FrameParser;
import dev.portal.hardware.pn532.frame.ParseEvent;
import dev.portal.hardware.pn532.frame.Pn532Frame;
import dev.portal.protocol.id.Uid;
import dev.portal.testsupport.property.Gen;
import dev.portal.testsupport.property.Property;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whatever a host sends, the model keeps answering with well-formed frames only. */
class Pn532ModelRobustnessTest {

    @Test
    void randomHostBytesGetOnlyWellFormedFramesAndTheChipStillAnswers() {
        Property.forAll(300, Gen.bytes(0, 64).list(0, 40), this::randomHostBytesGetOnlyWellFormedFramesAndTheChipStillAnswers);
    }

    private void randomHostBytesGetOnlyWellFormedFramesAndTheChipStillAnswers(List<byte[]> chunks) {
        RfField field = new RfField();
        field.add(new MifareClassic1k(Uid.parse("DEADBEEF")));
        Pn532Model model = new Pn532Model(field);
        List<byte[]> out = new ArrayList<>();
        model.connect(out::add);
        model.receive(Pn532FrameCodec.wakeUpPreamble(4));
        for (byte[] chunk : chunks) {
            model.receive(chunk);
        }
        for (byte[] frame : out) {
            FrameParser parser = new FrameParser();
            parser.feed(frame);
            assertInstanceOf(ParseEvent.Received.class, parser.next().orElseThrow());
            assertEquals(java.util.Optional.empty(), parser.next());
        }
        // a host resynchronises by sending more than a maximal frame of zeros; then the chip answers again
        out.clear();
        model.receive(Pn532FrameCodec.wakeUpPreamble(0));
        model.receive(new byte[Pn532FrameCodec.MAX_EXTENDED_LENGTH + 16]);
        model.receive(Pn532FrameCodec.encode(Pn532Frame.Information.command(0x02)));
        List<Pn532Frame> frames = new ArrayList<>();
        for (byte[] frame : out) {
            FrameParser parser = new FrameParser();
            parser.feed(frame);
            parser.next().ifPresent(e -> frames.add(((ParseEvent.Received) e).frame()));
        }
        assertEquals(Pn532Frame.Information.response(0x03, (byte) 0x32, (byte) 0x01, (byte) 0x06, (byte) 0x07),
                frames.get(frames.size() - 1));
    }
}
