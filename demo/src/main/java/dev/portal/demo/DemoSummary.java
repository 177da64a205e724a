package dev.portal.demo;

import java.util.List;
import java.util.Map;

/**
 * What the scripted session showed.
 *
 * @param heroName    the toy the game server awarded XP to
 *
 * @param xpReadBack  the XP the portal read from the tag after the game server's award was written
 * @param problems    expectations that did not hold (empty when the demo went as it should)
 */
public record DemoSummary(String heroName, Map<String, Integer> events, int deadLetters, long toyWritesConfirmed,
                          long xpBefore,
                          long xpAwarded, long xpReadBack, int sessionsOfHero, List<String> problems) {

    public boolean ok() {
        return problems.isEmpty();
    }

    public String text() {
        StringBuilder s = new StringBuilder();
        s.append("== Demo summary ==\n");
        s.append("game events seen:     ").append(events).append('\n');
        s.append("refused (dead letters): ").append(deadLetters).append('\n');
        s.append("tag writes confirmed: ").append(toyWritesConfirmed).append('\n');
        s.append(heroName).append("'s XP: ").append(xpBefore).append(" + ").append(xpAwarded).append(" awarded = ")
                .append(xpReadBack).append(" read back from the tag\n");
        s.append(heroName).append("'s play sessions: ").append(sessionsOfHero).append('\n');
        if (ok()) {
            s.append("DEMO OK\n");
        } else {
            problems.forEach(p -> s.append("PROBLEM: ").append(p).append('\n'));
            s.append("DEMO FAILED\n");
        }
        return s.toString();
    }
}
