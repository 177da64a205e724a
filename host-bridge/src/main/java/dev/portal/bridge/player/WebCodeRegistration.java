package dev.portal.bridge.player;

import dev.portal.bridge.game.RequestEnvelope;
import dev.portal.bridge.store.Store;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * game/toys/{uid}/webcode: a technician's portalctl registers the digest of the web code it printed for a toy.
 * The digest replaces that of an unclaimed toy (a tag provisioned again gets a new code); a claimed toy keeps
 * its own until its owner releases it, so nobody can take a toy away by registering a code of their own.
 */
final class WebCodeRegistration implements RequestHandler {
    static final String CLAIMED = "claimed: its owner must release it first";
    private static final Pattern DIGEST = Pattern.compile("[0-9a-f]{64}");

    private final Store store;
    private final Clock clock;

    WebCodeRegistration(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public Answer handle(RequestEnvelope envelope, String uid) {
        if (!RequestEnvelope.validUid(uid)) {
            return rejected(envelope, null, "the topic's uid must be 2..20 upper-case hex digits");
        }
        List<String> others = envelope.fieldsOtherThan(Set.of("digest"));
        if (!others.isEmpty()) {
            return rejected(envelope, uid, "takes correlationId, replyTo and digest only, not " + others);
        }
        String digest = envelope.text("digest");
        if (digest == null || !DIGEST.matcher(digest).matches()) {
            return rejected(envelope, uid, "digest must be 64 lower-case hex digits (SHA-256, WebCode.digest)");
        }
        boolean registered = store.inTransaction(tx -> tx.players().registerDigest(uid, digest, clock.millis()));
        return registered
                ? Answer.applied(Answer.toyReply(envelope, uid, "registered", "the toy's web code can claim it"))
                : rejected(envelope, uid, CLAIMED);
    }

    private static Answer rejected(RequestEnvelope envelope, String uid, String detail) {
        return Answer.rejected(Answer.toyReply(envelope, uid, "rejected", detail));
    }
}
