package dev.portal.hardware.sim.rf;

import dev.portal.protocol.id.Uid;
import java.util.Optional;

/** Something in an RF field that answers reader frames: a virtual tag. Implementations are thread-safe. */
public interface Transponder {

    Uid uid();

    /** The answer to one reader frame, or empty when the tag stays silent. */
    Optional<RfFrame> respond(RfFrame command);

    /**
     * The weakest field that powers the tag, in dB against the field right on a good antenna
     * ({@link Coupling}). An NTAG21x needs a little less than a MIFARE Classic, whose Crypto1 draws more.
     */
    default double minimumFieldDb() {
        return -26;
    }

    /** The field went off or the tag left it: it loses power and forgets its protocol state (not its memory). */
    void powerOff();
}
