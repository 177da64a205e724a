package dev.portal.bridge.ingest;

import dev.portal.bridge.state.StreamPosition;
import dev.portal.bridge.store.SharedStreams;
import dev.portal.protocol.frame.ResendFrames;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MissingFramesTest {
    private static SharedStreams.Parked parked(long boot, long seq) {
        return new SharedStreams.Parked("p", boot, seq, new byte[0], 0, 0);
    }

    @Test
    void asksFromTheFrameAfterTheLastAppliedUpToTheNewestParkedOne() {
        List<ResendFrames> asks = MissingFrames.of(List.of(new StreamPosition("p", 7, 10)),
                List.of(parked(7, 12), parked(7, 14), parked(7, 15)));
        assertEquals(List.of(new ResendFrames(7, 11, 14)), asks, "one range over every hole; 12 comes again");
    }

    @Test
    void aBootNoBirthStartedYetIsAskedFromItsFirstFrame() {
        assertEquals(List.of(new ResendFrames(9, 0, 2)), MissingFrames.of(List.of(new StreamPosition("p", 7, 10)),
                List.of(parked(9, 3))));
    }

    @Test
    void eachBootWithAHoleIsAskedForItsOwn() {
        List<ResendFrames> asks = MissingFrames.of(List.of(new StreamPosition("p", 7, 10),
                new StreamPosition("p", 8, 0)), List.of(parked(7, 12), parked(8, 2)));
        assertEquals(List.of(new ResendFrames(7, 11, 11), new ResendFrames(8, 1, 1)), asks);
    }

    @Test
    void nothingParkedOrNothingMissingAsksNothing() {
        assertEquals(List.of(), MissingFrames.of(List.of(new StreamPosition("p", 7, 10)), List.of()));
        assertEquals(List.of(), MissingFrames.of(List.of(), List.of(parked(9, 0))), "a lone first frame waits for nothing");
    }

    @Test
    void aHugeHoleIsAskedForAsMuchAsOneRequestMayHold() {
        assertEquals(List.of(new ResendFrames(7, 11, 11 + ResendFrames.MAX_SPAN - 1)),
                MissingFrames.of(List.of(new StreamPosition("p", 7, 10)), List.of(parked(7, 100_000))));
    }

    @Test
    void afterARestartThePreviousBootIsAskedFromAfterItsLastAppliedFrame() {
        List<StreamPosition> positions = List.of(new StreamPosition("p", 3, 40), new StreamPosition("p", 7, 10),
                new StreamPosition("p", 9, 0));
        assertEquals(List.of(new ResendFrames(7, 11, 11 + ResendFrames.MAX_SPAN - 1)),
                MissingFrames.tailOfPrevious(positions, 9), "the boot just before, not older ones");
        assertEquals(List.of(), MissingFrames.tailOfPrevious(List.of(new StreamPosition("p", 9, 0)), 9),
                "a first boot has no previous one");
    }
}
