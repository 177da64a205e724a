package dev.portal.protocol.frame;

/**
 * Ask the device to publish again the frames {@code fromSeq..toSeq} (inclusive) of boot {@code bootId}, from
 * what its outbox still keeps (since 1.2). A host sends it when frames are missing between ones it holds: the
 * broker acknowledged them to the portal but delivered them to no bridge (a broker restart that forgot a shared
 * subscription). The device answers with how many it found; frames it no longer keeps are gone for good.
 */
public record ResendFrames(long bootId, long fromSeq, long toSeq) implements CommandBody {
    /** Most frames one request may ask for: as many as a group of bridges parks for one portal. */
    public static final int MAX_SPAN = 8192;

    public ResendFrames {
        Check.u32("bootId", bootId);
        Check.u32("fromSeq", fromSeq);
        Check.u32("toSeq", toSeq);
        if (toSeq < fromSeq || toSeq - fromSeq >= MAX_SPAN) {
            throw new IllegalArgumentException("frames " + fromSeq + ".." + toSeq + ": at most " + MAX_SPAN
                    + ", in order");
        }
    }

    /** How many frames are asked for. */
    public int span() {
        return (int) (toSeq - fromSeq + 1);
    }
}
