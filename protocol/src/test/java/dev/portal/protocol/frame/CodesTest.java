package dev.portal.protocol.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CodesTest {
    private enum Clash { ONE, TWO }

    @Test
    void everyKnownCodeFindsItsConstantAndAnUnknownOneNothing() {
        for (MessageType t : MessageType.values()) {
            assertEquals(t, MessageType.fromCode(t.code()));
        }
        for (Status s : Status.values()) {
            assertEquals(s, Status.fromCode(s.code()));
        }
        assertNull(MessageType.fromCode(0x7E));
        assertNull(TagType.fromCode(-1));
    }

    @Test
    void twoConstantsWithOneCodeAreRefused() {
        assertThrows(IllegalStateException.class, () -> Codes.of(Clash.class, c -> 1));
    }
}
