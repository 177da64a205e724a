package dev.portal.protocol.tree;

import dev.portal.protocol.foreign.FailedCheck;
import dev.portal.protocol.foreign.ForeignReading;
import dev.portal.protocol.foreign.ForeignToy;
import dev.portal.protocol.foreign.ToyForm;
import dev.portal.protocol.foreign.ToyLine;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A ToyRead's foreign block in trees: {@code {line, check: "passed", form, characterId, variant, series}} for an
 * identified toy, {@code {line, check: "failed"}} for one that fails its line's check. Public: the bridge's game
 * JSON and portalctl show foreign toys in the same form.
 */
public final class ForeignTree {
    private ForeignTree() {
    }

    public static Map<String, Object> toTree(ForeignReading reading) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("line", reading.line().jsonName());
        switch (reading) {
            case ForeignToy toy -> {
                m.put("check", "passed");
                m.put("form", toy.form().jsonName());
                m.put("characterId", toy.characterId());
                m.put("variant", toy.variant());
                m.put("series", toy.series());
            }
            case FailedCheck ignored -> m.put("check", "failed");
        }
        return m;
    }

    static ForeignReading fromTree(Node n) {
        ToyLine line = n.enumeration("line", ToyLine.class);
        String check = n.text("check");
        ForeignReading reading = switch (check) {
            case "passed" -> new ForeignToy(line, n.enumeration("form", ToyForm.class),
                    (int) n.number("characterId", 0, 0xFFFF), (int) n.number("variant", 0, 0xFFFF),
                    (int) n.number("series", 0, 0xFF));
            case "failed" -> new FailedCheck(line);
            default -> throw new IllegalArgumentException(n.path("check") + ": \"" + check
                    + "\" is not one of [failed, passed]");
        };
        n.done();
        return reading;
    }
}
