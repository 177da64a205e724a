package dev.portal.device.serial;

import dev.portal.protocol.frame.CommandBody;
import dev.portal.protocol.frame.CommandResult;
import dev.portal.protocol.frame.PresentToken;
import dev.portal.protocol.frame.Rebirth;
import dev.portal.protocol.frame.ResendFrames;
import dev.portal.protocol.frame.Status;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the serial cable may do. Anyone with a cable may read: Rebirth (the Birth, hence {@code portalctl serial
 * status}) and the frames the portal mirrors. Everything else (toy writes, verdict lights, LEDs, calibration,
 * configuration, firmware, reboot) needs a technician token ({@link TechnicianToken}) that is signed with the
 * technician key this portal trusts, names this portal (or every portal) and has not expired, presented in the
 * same session. A session is the sender's boot id in the command frames' header (portalctl draws a fresh one for
 * every run), so a cable left plugged in does not stay open for the next person. Without a technician key in the
 * configuration the cable is read-only. ResendFrames is refused on the cable whatever the token: the cable gets
 * frames mirrored live, and a resend would go to the broker, not to it. Thread-safe.
 */
public final class CableGuard {
    public static final String READ_ONLY = "the cable is read-only without a technician token";
    public static final String NO_RESEND = "resend_frames is for the broker: the cable mirrors frames as they are "
            + "made and publishes nothing again, token or not";
    private static final Logger LOG = LoggerFactory.getLogger(CableGuard.class);

    /** The session that presented {@code token}, open until the token expires. */
    private record Grant(long session, TechnicianToken token) {
    }

    private final Optional<PublicKey> technicianKey;
    private final String deviceId;
    private final Clock clock;
    private Grant grant;

    /**
     * @param technicianKey the public technician key from portal.json; none: the cable stays read-only
     * @param clock         a Pi without network keeps the time it saved last; expiry is judged by that clock
     */
    public CableGuard(Optional<PublicKey> technicianKey, String deviceId, Clock clock) {
        this.technicianKey = technicianKey;
        this.deviceId = deviceId;
        this.clock = clock;
    }

    /** A cable that only reads, whatever is presented. */
    public static CableGuard readOnly(String deviceId) {
        return new CableGuard(Optional.empty(), deviceId, Clock.systemUTC());
    }

    /** Checks a token presented in {@code session} and answers the PresentToken command; a refusal changes nothing. */
    public synchronized CommandResult present(long correlationId, long session, PresentToken presented) {
        if (technicianKey.isEmpty()) {
            return refused(correlationId, "this portal trusts no technician key (serial.technicianPublicKeyFile): "
                    + "its cable is read-only");
        }
        TechnicianToken token;
        try {
            token = TechnicianToken.decode(presented.token());
        } catch (IllegalArgumentException e) {
            return refused(correlationId, "not a technician token: " + e.getMessage());
        }
        if (!token.isSignedBy(technicianKey.get())) {
            return refused(correlationId, "token " + token.id() + " is not signed with this portal's technician key");
        }
        if (!token.covers(deviceId)) {
            return refused(correlationId, "token " + token.id() + " is for " + token.device() + ", not " + deviceId);
        }
        Instant now = clock.instant();
        if (!now.isBefore(token.expires())) {
            return refused(correlationId, "token " + token.id() + " expired at " + token.expires()
                    + " (this portal's clock says " + now + ")");
        }
        grant = new Grant(session, token);
        LOG.warn("serial cable: technician token {} for {} accepted until {}", token.id(), token.device(), token.expires());
        return new CommandResult(correlationId, Status.OK, "technician token " + token.id() + " accepted: the cable may "
                + "change toys, configuration and firmware until " + token.expires());
    }

    /** Why {@code session} may not send {@code body}, or empty when it may. */
    public synchronized Optional<String> refusal(long session, CommandBody body) {
        if (body instanceof Rebirth) {
            return Optional.empty();
        }
        // Passed on, it would republish on MQTT, not here: a cable must not make a portal flood its broker.
        if (body instanceof ResendFrames) {
            return Optional.of(NO_RESEND);
        }
        if (grant == null || grant.session() != session) {
            return Optional.of(READ_ONLY);
        }
        if (!clock.instant().isBefore(grant.token().expires())) {
            return Optional.of(READ_ONLY + " (token " + grant.token().id() + " expired at " + grant.token().expires() + ")");
        }
        return Optional.empty();
    }

    private static CommandResult refused(long correlationId, String why) {
        LOG.debug("serial cable: token refused: {}", why); // the answer tells the technician; the cable may be hostile
        return new CommandResult(correlationId, Status.REJECTED, why);
    }
}
