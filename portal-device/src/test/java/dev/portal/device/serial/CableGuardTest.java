package dev.portal.device.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portal.device.firmware.Ed25519Keys;
import dev.portal.protocol.frame.Calibrate;
import dev.portal.protocol.frame.CommandBody;
import dev.portal.protocol.frame.CommandResult;
import dev.portal.protocol.frame.ConfigSet;
import dev.portal.protocol.frame.FirmwareChunk;
import dev.portal.protocol.frame.LedMode;
import dev.portal.protocol.frame.PresentToken;
import dev.portal.protocol.frame.Rebirth;
import dev.portal.protocol.frame.Reboot;
import dev.portal.protocol.frame.ResendFrames;
import dev.portal.protocol.frame.SetLed;
import dev.portal.protocol.frame.ShowVerdict;
import dev.portal.protocol.frame.Status;
import dev.portal.protocol.frame.UnknownCommand;
import dev.portal.protocol.frame.WriteArea;
import dev.portal.protocol.id.Uid;
import dev.portal.protocol.toy.Area;
import dev.portal.protocol.toy.AreaBytes;
import dev.portal.protocol.toy.ToyVerdict;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a serial cable may do with and without a technician token. */
class CableGuardTest {
    private static final Instant NOW = Instant.parse("2025-06-01T09:00:00Z");
    private static final long SESSION = 0x7EC4;
    private static final Uid UID = Uid.parse("04AABBCCDDEEFF");
    private static final List<CommandBody> CHANGES = List.of(
            new ConfigSet(9, Map.of("pollHz", "10")), new Calibrate(0, 0, 3), new Reboot(),
            new FirmwareChunk(1, 0, 2, new byte[32], new byte[] {1}),
            new WriteArea(0, 0, UID, Area.B, 0, false, AreaBytes.of(new byte[] {1})),
            new ShowVerdict(0, 0, UID, ToyVerdict.RECOGNISED), new SetLed(0, 0x00FF00, LedMode.SOLID, 0),
            new UnknownCommand(0x42, new byte[0]));

    private final KeyPair technician = Ed25519Keys.generate();
    private final SettableClock clock = new SettableClock(NOW);
    private final CableGuard guard = new CableGuard(Optional.of(technician.getPublic()), "cellar-1", clock);

    private PresentToken token(String device, Duration validity) {
        return new PresentToken(TechnicianToken.unsigned(device, NOW.minusSeconds(60), validity, "0123abcd4567ef89")
                .signedWith(technician.getPrivate()).encode());
    }

    private CommandResult present(PresentToken t) {
        return guard.present(5, SESSION, t);
    }

    @Test
    void withoutATokenTheCableOnlyReads() {
        assertEquals(Optional.empty(), guard.refusal(SESSION, new Rebirth()), "status works without a token");
        for (CommandBody change : CHANGES) {
            assertEquals(Optional.of(CableGuard.READ_ONLY), guard.refusal(SESSION, change), change.toString());
        }
    }

    @Test
    void aValidTokenOpensTheCableForItsOwnSessionUntilItExpires() {
        CommandResult answer = present(token("cellar-1", Duration.ofHours(1)));
        assertEquals(Status.OK, answer.status(), answer.detail());
        assertTrue(answer.detail().contains("until 2025-06-01T09:59:00Z"), answer.detail());
        for (CommandBody change : CHANGES) {
            assertEquals(Optional.empty(), guard.refusal(SESSION, change), change.toString());
        }
        assertEquals(Optional.of(CableGuard.READ_ONLY), guard.refusal(SESSION + 1, new Reboot()),
                "another portalctl run (another session) must present a token of its own");
        clock.now = Instant.parse("2025-06-01T09:59:00Z");
        Optional<String> expired = guard.refusal(SESSION, new Reboot());
        assertTrue(expired.orElseThrow().startsWith(CableGuard.READ_ONLY) && expired.get().contains("expired"),
                expired.toString());
    }

    @Test
    void resendFramesIsRefusedOnTheCableWithOrWithoutAToken() {
        ResendFrames resend = new ResendFrames(0x1234, 0, 10);
        assertEquals(Optional.of(CableGuard.NO_RESEND), guard.refusal(SESSION, resend), "read-only cable");
        assertEquals(Status.OK, present(token("cellar-1", Duration.ofHours(1))).status());
        assertEquals(Optional.of(CableGuard.NO_RESEND), guard.refusal(SESSION, resend),
                "a token opens changes, not republishing on the broker");
    }

    @Test
    void aTokenForEveryPortalOpensThisOneToo() {
        assertEquals(Status.OK, present(token(TechnicianToken.ANY_DEVICE, Duration.ofHours(8))).status());
        assertEquals(Optional.empty(), guard.refusal(SESSION, new ConfigSet(9, Map.of())));
    }

    @Test
    void tokensThatDoNotFitAreRefusedAndOpenNothing() {
        KeyPair stranger = Ed25519Keys.generate();
        String otherKey = TechnicianToken.unsigned("cellar-1", NOW, Duration.ofHours(1), "0123abcd4567ef89")
                .signedWith(stranger.getPrivate()).encode();
        String tampered = token("cellar-2", Duration.ofHours(1)).token().replace("device=cellar-2", "device=cellar-1");
        String unsigned = TechnicianToken.unsigned("cellar-1", NOW, Duration.ofHours(1), "0123abcd4567ef89").encode();
        Map<String, String> cases = Map.of(
                otherKey, "not signed with this portal's technician key",
                tampered, "not signed with this portal's technician key",
                token("cellar-2", Duration.ofHours(1)).token(), "is for cellar-2, not cellar-1",
                token("cellar-1", Duration.ofSeconds(30)).token(), "expired at 2025-06-01T08:59:30Z",
                unsigned, "the token has no signature",
                "let me in", "not a technician token");
        cases.forEach((text, why) -> {
            CommandResult answer = present(new PresentToken(text));
            assertEquals(Status.REJECTED, answer.status(), text);
            assertTrue(answer.detail().contains(why), answer.detail());
            assertEquals(Optional.of(CableGuard.READ_ONLY), guard.refusal(SESSION, new Reboot()), text);
        });
    }

    @Test
    void aTokenCannotBeMadeForLongerThanAWeek() {
        assertThrows(IllegalArgumentException.class, () -> token("cellar-1", Duration.ofDays(8)));
        String week = TechnicianToken.unsigned("cellar-1", NOW, Duration.ofDays(7), "0123abcd4567ef89").encode()
                .replace("expires=2025-06-08T09:00:00Z", "expires=2025-06-09T09:00:00Z") + "signature=AAAA\n";
        CommandResult answer = present(new PresentToken(week));
        assertEquals(Status.REJECTED, answer.status());
        assertTrue(answer.detail().contains("7 days at most"), answer.detail());
    }

    @Test
    void withoutATechnicianKeyNoTokenOpensTheCable() {
        CableGuard readOnly = new CableGuard(Optional.empty(), "cellar-1", clock);
        CommandResult answer = readOnly.present(5, SESSION, token("cellar-1", Duration.ofHours(1)));
        assertEquals(Status.REJECTED, answer.status());
        assertTrue(answer.detail().contains("trusts no technician key"), answer.detail());
        assertEquals(Optional.of(CableGuard.READ_ONLY), readOnly.refusal(SESSION, new ConfigSet(9, Map.of())));
    }

    /** A clock the test moves by hand. */
    private static final class SettableClock extends Clock {
        volatile Instant now;

        SettableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
