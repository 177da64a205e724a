package dev.portal.system.chaos;

/**
 * One thing a simulated player did: put a toy on a pad ({@code placed}) or took it off. The ground truth.
 *
 * @param pad the pad it was put on, or the pad it was taken from
 */
public record Action(long atMillis, String portal, String uid, boolean placed, int pad) {
    public String line() {
        return atMillis + " " + portal + " " + uid + " " + (placed ? "place" : "remove") + " " + pad;
    }
}
