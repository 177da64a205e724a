package dev.portal.system.chaos;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** scripts/chaos's arguments: what they set, what they default to, and the combinations refused. */
class ChaosMainTest {
    private static final Path DIR = Path.of("unused").toAbsolutePath();

    private static ChaosOptions parse(String... args) {
        return ChaosMain.parse(args, DIR);
    }

    @Test
    void withoutArgumentsOneBridgeOnSqliteAndMosquitto() {
        ChaosOptions o = parse();
        assertEquals(1, o.bridges());
        assertEquals(ChaosOptions.Store.SQLITE, o.store());
        assertEquals(ChaosOptions.Broker.MOSQUITTO, o.broker());
        assertEquals("chaos-bridge", o.bridgeId(0), "one bridge keeps the client id it always had");
    }

    @Test
    void severalBridgesOnPostgresqlAndHivemq() {
        ChaosOptions o = parse("--bridges", "3", "--store", "postgresql", "--broker", "hivemq", "--minutes", "1");
        assertEquals(3, o.bridges());
        assertEquals(ChaosOptions.Store.POSTGRESQL, o.store());
        assertEquals(ChaosOptions.Broker.HIVEMQ, o.broker());
        assertEquals(60, o.duration().toSeconds());
        assertEquals("chaos-bridge-3", o.bridgeId(2));
    }

    @Test
    void severalBridgesOnSqliteAreRefusedNamingTheStoreTheyNeed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse("--bridges", "2"));
        assertTrue(e.getMessage().contains("--store postgresql"), e.getMessage());
    }

    @Test
    void badValuesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> parse("--bridges", "0", "--store", "postgresql"));
        assertThrows(IllegalArgumentException.class, () -> parse("--bridges", "two"));
        assertEquals("--broker takes mosquitto or hivemq, not 'emqx'",
                assertThrows(IllegalArgumentException.class, () -> parse("--broker", "emqx")).getMessage());
        assertEquals(ChaosOptions.Store.POSTGRESQL, parse("--store", "PostgreSQL").store());
        assertThrows(IllegalArgumentException.class, () -> parse("--bridges"));
    }
}
