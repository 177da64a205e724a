package dev.portal.bridge.ingest;

import dev.portal.link.DeviceId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StatusIngestTest {
    private static final DeviceId DEVICE = DeviceId.of("p1");

    private static PortalStatus parse(String text) throws PortalStatus.Malformed {
        return PortalStatus.parse(text.getBytes(StandardCharsets.UTF_8), DEVICE);
    }

    @Test
    void readsTheStatusPortalDeviceWrites() throws Exception {
        assertEquals(new PortalStatus(false, 0xDEADBEEFL),
                parse("{\"state\":\"offline\",\"deviceId\":\"p1\",\"bootId\":\"deadbeef\"}"));
        assertEquals(new PortalStatus(true, 0x0000007FL),
                parse(" {\"bootId\":\"0000007F\",\"state\":\"online\",\"deviceId\":\"p1\",\"since\":3}\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"online", "OFFLINE\n", "{\"online\":true}", "maybe", "[1,2]", "{", "",
            "{\"state\":\"sleepy\",\"deviceId\":\"p1\",\"bootId\":\"deadbeef\"}",
            "{\"state\":\"offline\",\"deviceId\":\"p2\",\"bootId\":\"deadbeef\"}",
            "{\"state\":\"offline\",\"bootId\":\"deadbeef\"}",
            "{\"state\":\"offline\",\"deviceId\":\"p1\"}",
            "{\"state\":\"offline\",\"deviceId\":\"p1\",\"bootId\":\"zz\"}",
            "{\"state\":\"offline\",\"deviceId\":\"p1\",\"bootId\":\"nothex!!\"}",
            "{\"state\":\"offline\",\"deviceId\":\"p1\",\"bootId\":\"deadbeef0\"}",
            "{\"state\":\"offline\",\"deviceId\":\"p1\",\"bootId\":77}",
            "{\"state\":\"offline\",\"deviceId\":\"p1\",\"bootId\":\"deadbeef\"}{}",
            "{\"state\":\"online\",\"state\":\"offline\",\"deviceId\":\"p1\",\"bootId\":\"deadbeef\"}"})
    void refusesAnythingElse(String text) {
        assertThrows(PortalStatus.Malformed.class, () -> parse(text));
    }
}
