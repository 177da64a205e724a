package dev.portal.bridge.player;

import dev.portal.bridge.game.RequestEnvelope;
import dev.portal.bridge.state.ToyClaim;
import dev.portal.bridge.store.Store;
import dev.portal.protocol.id.Uid;
import dev.portal.protocol.toy.WebCode;

import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * game/toys/{uid}/claim: a player claims a toy with the web code that came with it. An unknown toy, a toy with
 * no code registered, a wrong code and a code that is not one all get the very same answer, so the answers
 * cannot be used to find out which toys exist. Only with the right code does the bridge say that another player
 * owns the toy.
 */
final class ToyClaims implements RequestHandler {
    static final String NO_SUCH_CODE = "no toy has that web code";
    static final String OWNED_BY_ANOTHER = "already claimed by another player";

    private final Store store;
    private final Clock clock;

    ToyClaims(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public Answer handle(RequestEnvelope envelope, String uid) {
        String shownUid = RequestEnvelope.validUid(uid) ? uid : null;
        List<String> others = envelope.fieldsOtherThan(Set.of("player", "code"));
        if (!others.isEmpty()) {
            return rejected(envelope, shownUid, "takes correlationId, replyTo, player and code only, not " + others);
        }
        String player = envelope.text("player");
        if (!RequestEnvelope.validPlayer(player)) {
            return rejected(envelope, shownUid, "player must be 1..64 of letters, digits, . _ -");
        }
        String typed = envelope.text("code");
        if (typed == null) {
            return rejected(envelope, shownUid, "code must be a string");
        }
        Optional<WebCode> code = WebCode.parse(typed);
        if (shownUid == null || code.isEmpty()) {
            return rejected(envelope, shownUid, NO_SUCH_CODE);
        }
        Uid toy = Uid.fromWire(HexFormat.of().parseHex(uid));
        String outcome = store.inTransaction(tx -> {
            Optional<ToyClaim> claim = tx.players().claim(uid);
            if (claim.isEmpty() || !code.get().matches(toy, claim.get().digest())) {
                return NO_SUCH_CODE;
            }
            if (claim.get().claimed() && !claim.get().ownedBy(player)) {
                return OWNED_BY_ANOTHER;
            }
            if (!claim.get().claimed() && !tx.players().setOwner(uid, player, clock.millis())) {
                return OWNED_BY_ANOTHER; // another bridge sharing the database claimed it meanwhile
            }
            return null;
        });
        if (outcome != null) {
            return rejected(envelope, uid, outcome);
        }
        return Answer.applied(Answer.toyReply(envelope, uid, "claimed", "the toy is yours"), List.of(uid));
    }

    private static Answer rejected(RequestEnvelope envelope, String uid, String detail) {
        return Answer.rejected(Answer.toyReply(envelope, uid, "rejected", detail));
    }
}
