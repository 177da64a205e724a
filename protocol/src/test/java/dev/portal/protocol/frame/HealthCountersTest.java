package dev.portal.protocol.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthCountersTest {
    private static final HealthCounters COUNTERS = new HealthCounters(3600, 2050, 1, 0, 2, 3, 4, 5, 6, 7);

    @Test
    void theTreeNamesEveryFigureInWireOrderWithThePollRateInPollsPerSecond() {
        List<String> expected = Arrays.stream(HealthCounters.class.getRecordComponents())
                .map(c -> c.getName().equals("pollsPerSecondX100") ? "pollsPerSecond" : c.getName()).toList();
        Map<String, Object> tree = COUNTERS.toTree();
        assertEquals(expected, List.copyOf(tree.keySet()));
        assertEquals(20.5, tree.get("pollsPerSecond"));
        assertEquals(3600L, tree.get("uptimeSeconds"));
        assertEquals(7L, tree.get("tagsPresent"));
    }

    @Test
    void theFiguresAreTheRecordComponentsAsTheWireCarriesThem() {
        List<String> names = Arrays.stream(HealthCounters.class.getRecordComponents()).map(c -> c.getName()).toList();
        assertEquals(names, List.copyOf(COUNTERS.figures().keySet()));
        assertEquals(2050L, COUNTERS.figures().get("pollsPerSecondX100"));
        assertEquals(HealthCounters.FIELDS, names.size());
    }

    @Test
    void theTreeCannotBeChanged() {
        assertThrows(UnsupportedOperationException.class, () -> COUNTERS.toTree().put("extra", 1));
    }
}
