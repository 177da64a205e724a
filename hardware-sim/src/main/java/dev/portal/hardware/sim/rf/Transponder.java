package dev.portal.hardware.sim.rf;

import dev.portal.hardware.reader.Uid;
import java.util.Optional;

/** Something in an RF field that answers reader frames: a virtual tag. Implementations are thread-safe. */
public interface Transponder {

    Uid uid();

    /** The answer to one reader frame, or empty when the tag stays silent. */
    Optional<RfFrame> respond(RfFrame command);

    /** The field went off or the tag left it: it loses power and forgets its protocol state (not its memory). */
    void powerOff();
}
