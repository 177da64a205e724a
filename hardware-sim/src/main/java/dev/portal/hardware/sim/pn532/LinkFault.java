package dev.portal.hardware.sim.pn532;

/** A one-shot fault the model plays on its host link, for tests of the driver's recovery. */
public enum LinkFault {
    /** Noise bytes (including a false start code) before the next ACK. */
    GARBAGE_BEFORE_NEXT_FRAME,
    /** The next ACK is not sent (the response still is). */
    DROP_NEXT_ACK,
    /** The next command is answered with a NACK instead of an ACK, and not run. */
    NACK_NEXT_COMMAND,
    /** The next response goes out with a wrong data checksum (a host NACK gets a good copy). */
    CORRUPT_NEXT_RESPONSE,
    /** The next command is ignored completely: no ACK, no response. */
    IGNORE_NEXT_COMMAND
}
