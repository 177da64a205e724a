package dev.portal.device.testing;

import dev.portal.protocol.frame.ShowVerdict;
import dev.portal.protocol.frame.ToyAreas;
import dev.portal.protocol.frame.WriteArea;
import dev.portal.protocol.toy.FleetKey;
import dev.portal.protocol.toy.SaveAreas;
import dev.portal.protocol.toy.ToyReadResult;
import dev.portal.protocol.toy.ToyRecord;
import dev.portal.protocol.toy.ToyWritePlan;

/**
 * The host's part in tests, with the toy key no portal holds: it judges the areas a portal reports and plans the
 * writes it sends, as the host bridge does, so tests assert what a host would see.
 */
public final class TestHost {
    public static final FleetKey KEY = FleetKey.fromHex("00112233445566778899aabbccddeeff0f1e2d3c4b5a69788796a5b4c3d2e1f0");

    private TestHost() {
    }

    public static ToyReadResult judge(ToyAreas areas) {
        return areas.judge(KEY);
    }

    /** The write that saves {@code record} onto the toy as {@code read} last showed it (SaveAreas.planWrite). */
    public static WriteArea planWrite(ToyAreas read, ToyRecord record) {
        ToyWritePlan plan = SaveAreas.planWrite(read.tagType().toyLayout().orElseThrow(), judge(read), record,
                read.uid().bytes(), KEY);
        return WriteArea.of(read, plan);
    }

    /** The verdict on {@code read}, for the portal's light. */
    public static ShowVerdict verdict(ToyAreas read) {
        return new ShowVerdict(read.pad(), read.slot(), read.uid(), judge(read).verdict());
    }
}
