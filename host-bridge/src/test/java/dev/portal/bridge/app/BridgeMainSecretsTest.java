package dev.portal.bridge.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Passwords reach the bridge from files or the environment, never from its command line, and never leak. */
class BridgeMainSecretsTest {
    @TempDir
    Path dir;

    private static BridgeMain parse(String... args) {
        BridgeMain main = new BridgeMain();
        new CommandLine(main).parseArgs(args);
        return main;
    }

    @Test
    void aPasswordOnTheCommandLineIsNotAnOption() {
        assertThrows(CommandLine.UnmatchedArgumentException.class,
                () -> parse("--broker", "tcp://127.0.0.1:1883", "--password", "s3cret"));
        assertThrows(CommandLine.UnmatchedArgumentException.class,
                () -> parse("--store", "jdbc:postgresql://db/portal", "--store-password", "s3cret"));
    }

    @Test
    void passwordsComeFromTheirFiles() throws Exception {
        Files.writeString(dir.resolve("mqtt.pw"), "broker-pw\n");
        Files.writeString(dir.resolve("db.pw"), "db-pw\n");
        BridgeConfig config = parse("--broker", "tcp://127.0.0.1:1883", "--username", "portal-bridge",
                "--password-file", dir.resolve("mqtt.pw").toString(), "--data-dir", dir.toString(),
                "--store", "jdbc:postgresql://db.local:5432/portal", "--store-user", "portal",
                "--store-password-file", dir.resolve("db.pw").toString()).config();
        assertArrayEquals("broker-pw".toCharArray(), config.mqtt().password().orElseThrow());
        assertEquals("db-pw", config.store().orElseThrow().password().orElseThrow());
        assertFalse(config.store().orElseThrow().toString().contains("db-pw"));
    }

    @Test
    void aStoreUrlHoldingAPasswordIsRefusedWithoutShowingIt() {
        for (String url : new String[] {"jdbc:postgresql://db/portal?user=u&password=hunter2",
                "jdbc:postgresql://u:hunter2@db/portal", "jdbc:postgresql://db/portal?PASSWORD=hunter2"}) {
            CommandLine.ParameterException e = assertThrows(CommandLine.ParameterException.class,
                    () -> parse("--store", url, "--data-dir", dir.toString()).config(), url);
            assertTrue(e.getMessage().contains("--store-password-file"), e.getMessage());
            assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
        }
    }
}
