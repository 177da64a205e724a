package dev.portal.portalctl.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portal.device.firmware.Ed25519Keys;
import dev.portal.device.serial.TechnicianToken;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** portalctl token keygen and make: what a service desk hands a technician for a portal's cable. */
class TokenCommandsTest {
    @TempDir
    Path dir;

    @Test
    void aTokenIsSignedForOnePortalAndExpires() throws Exception {
        Cli.Run keygen = Cli.run("token", "keygen", "--out", dir.toString());
        assertEquals(0, keygen.code(), keygen.toString());
        assertTrue(keygen.out().contains("(portal config: serial.technicianPublicKeyFile)"), keygen.toString());
        Path file = dir.resolve("cellar-1.token");
        Instant before = Instant.now();
        Cli.Run make = Cli.run("token", "make", "--key", dir.resolve("technician.key").toString(), "--device", "cellar-1",
                "--valid", "2h", "--out", file.toString());
        assertEquals(0, make.code(), make.toString());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), "a credential");

        TechnicianToken token = TechnicianToken.decode(Files.readString(file));
        assertTrue(token.isSignedBy(Ed25519Keys.readPublic(dir.resolve("technician.pub"))));
        assertTrue(token.covers("cellar-1") && !token.covers("cellar-2"), token.toString());
        Duration left = Duration.between(before, token.expires());
        assertTrue(left.compareTo(Duration.ofMinutes(119)) > 0 && left.compareTo(Duration.ofMinutes(121)) < 0, left.toString());
        assertTrue(make.out().contains("token " + token.id() + " for cellar-1 until "), make.toString());

        Cli.Run toStdout = Cli.run("token", "make", "--key", dir.resolve("technician.key").toString(), "--device", "*");
        assertEquals(0, toStdout.code(), toStdout.toString());
        assertTrue(TechnicianToken.decode(toStdout.out()).covers("any-portal"), toStdout.toString());
    }

    @Test
    void tokensAPortalWouldRefuseAreNotMade() {
        Cli.run("token", "keygen", "--out", dir.toString());
        String key = dir.resolve("technician.key").toString();
        Cli.Run tooLong = Cli.run("token", "make", "--key", key, "--device", "cellar-1", "--valid", "200h");
        assertEquals(1, tooLong.code(), tooLong.toString());
        assertTrue(tooLong.err().contains("7 days at most"), tooLong.toString());
        Cli.Run badDevice = Cli.run("token", "make", "--key", key, "--device", "cellar 1");
        assertEquals(1, badDevice.code(), badDevice.toString());
        assertTrue(badDevice.err().contains("device must be a device id"), badDevice.toString());
        Cli.Run publicKey = Cli.run("token", "make", "--key", dir.resolve("technician.pub").toString(), "--device", "c");
        assertEquals(1, publicKey.code(), publicKey.toString());
        assertTrue(publicKey.err().contains("not an Ed25519 private key"), publicKey.toString());
    }
}
