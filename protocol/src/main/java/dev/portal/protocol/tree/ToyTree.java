package dev.portal.protocol.tree;

import dev.portal.protocol.toy.CoCreation;
import dev.portal.protocol.toy.Colours;
import dev.portal.protocol.toy.ToyRecord;
import dev.portal.protocol.toy.Upgrades;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Toy records in trees: {toyType, variant, recordVersion, coCreation: {name, colours, upgrades, xp, level}}. */
final class ToyTree {
    private ToyTree() {
    }

    static Map<String, Object> toTree(ToyRecord r) {
        CoCreation c = r.coCreation();
        Map<String, Object> colours = new LinkedHashMap<>();
        colours.put("primary", TreeWriter.rgb(c.colours().primary()));
        colours.put("secondary", TreeWriter.rgb(c.colours().secondary()));
        colours.put("accent", TreeWriter.rgb(c.colours().accent()));
        Map<String, Object> co = new LinkedHashMap<>();
        co.put("name", c.name());
        co.put("colours", colours);
        co.put("upgrades", new ArrayList<>(c.upgrades().ids()));
        co.put("xp", TreeWriter.num(c.xp()));
        co.put("level", c.level());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("toyType", r.toyType());
        m.put("variant", r.variant());
        m.put("recordVersion", r.recordVersion());
        m.put("coCreation", co);
        return m;
    }

    static ToyRecord fromTree(Node n) {
        Node co = n.object("coCreation");
        Node colours = co.object("colours");
        Colours c = new Colours(colours.rgb("primary"), colours.rgb("secondary"), colours.rgb("accent"));
        colours.done();
        List<?> ids = co.list("upgrades");
        Upgrades upgrades = Upgrades.NONE;
        for (int i = 0; i < ids.size(); i++) {
            if (!(ids.get(i) instanceof Integer id) || id < 0 || id >= Upgrades.CAPACITY) {
                throw new IllegalArgumentException(co.path("upgrades") + "[" + i + "]: expected an upgrade id 0..63, got "
                        + ids.get(i));
            }
            upgrades = upgrades.with(id);
        }
        CoCreation coCreation = new CoCreation(co.text("name"), c, upgrades, co.u32("xp"), co.integer("level"));
        co.done();
        ToyRecord record = new ToyRecord(n.integer("toyType"), n.integer("variant"), n.integer("recordVersion"), coCreation);
        n.done();
        return record;
    }
}
