package dev.portal.bridge.homeassistant;

import dev.portal.link.DeviceId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The names the discovery puts on topics, and the record of what it published, read as untrusted input. */
class DiscoveryNamesTest {
    @TempDir
    Path dir;

    /** Every id of up to 4 characters over the characters that matter: none shares its object id with another. */
    @Test
    void objectIdsAreWhatHomeAssistantAllowsAndKeepEveryTwoPortalsApart() {
        List<String> ids = new ArrayList<>(List.of(""));
        Map<String, String> byObjectId = new HashMap<>();
        for (int length = 1; length <= 4; length++) {
            List<String> longer = new ArrayList<>();
            for (String id : ids) {
                for (char c : new char[] {'a', '_', '.', 'd', '-'}) {
                    longer.add(id + c);
                }
            }
            ids = longer;
            for (String id : ids) {
                String objectId = PortalEntities.objectId(DeviceId.of(id));
                assertTrue(objectId.matches("[a-zA-Z0-9_-]+"), id + " -> " + objectId);
                String other = byObjectId.put(objectId, id);
                assertEquals(null, other, id + " and " + other + " would share " + objectId);
            }
        }
        assertEquals(780, byObjectId.size());
    }

    @Test
    void aPrefixIsTopicLevelsWithoutWildcards() {
        for (String good : new String[] {"homeassistant", "ha/portals", "a-b_c"}) {
            assertEquals(good, DiscoveryPrefix.of(good).value());
        }
        for (String bad : new String[] {"", "#", "ha/+", "/ha", "ha/", "ha//x", "h a", "ha/é", "$SYS"}) {
            assertThrows(IllegalArgumentException.class, () -> DiscoveryPrefix.of(bad), bad);
        }
    }

    @Test
    void theRecordRoundTripsAndAnythingElseInItsPlaceIsIgnored() throws Exception {
        PublishedRecord record = new PublishedRecord(DiscoveryPrefix.of("ha/x"), Set.of(DeviceId.of("den.1_a")))
                .with(DeviceId.of("kitchen"));
        record.save(dir);
        assertEquals(Optional.of(record), PublishedRecord.load(dir));
        for (String hostile : new String[] {"not json", "[]", "{\"prefix\":\"ha/#\",\"devices\":[\"x\"]}",
                "{\"prefix\":\"ha\",\"devices\":[\"a b\"]}", "{\"devices\":[\"x\"]}", "{\"prefix\":\"ha\",\"devices\":[7]}"}) {
            Files.writeString(dir.resolve(PublishedRecord.FILE), hostile);
            assertEquals(Optional.empty(), PublishedRecord.load(dir), hostile);
        }
        PublishedRecord.delete(dir);
        assertEquals(Optional.empty(), PublishedRecord.load(dir));
    }
}
