-- V7: players own toys (issue 14). A toy is claimed with the web code printed when it was provisioned; the
-- host keeps only the code's digest (WebCode.digest). toy_claim is its own table, not columns of toy: a code
-- is registered at the factory, possibly before the bridge has seen the toy. owner is the player id a game
-- server chose; releasing a toy clears owner and claimed_ms and keeps the digest, so the code claims it again.
CREATE TABLE toy_claim (
    uid            VARCHAR(32) PRIMARY KEY,
    digest         VARCHAR(64) NOT NULL,
    owner          VARCHAR(64),
    claimed_ms     BIGINT,
    registered_ms  BIGINT      NOT NULL
);
CREATE INDEX toy_claim_owner ON toy_claim (owner);
-- A point whenever a toy's XP changes, written in the transaction that changed it; keyed by the toy's
-- revision (every change makes a new one), so a replayed change adds nothing.
CREATE TABLE xp_point (
    uid       VARCHAR(32) NOT NULL,
    revision  BIGINT      NOT NULL,
    at_ms     BIGINT      NOT NULL,
    xp        BIGINT      NOT NULL,
    level     INTEGER     NOT NULL,
    PRIMARY KEY (uid, revision)
);
CREATE INDEX xp_point_time ON xp_point (uid, at_ms);
-- Every toy known before V7 starts its history with the XP it has now.
INSERT INTO xp_point (uid, revision, at_ms, xp, level) SELECT uid, revision, last_seen_ms, xp, level FROM toy;
-- The toy's owner when a session started (NULL: unclaimed, or anonymised when the player was forgotten).
ALTER TABLE play_session ADD COLUMN player VARCHAR(64);
CREATE INDEX play_session_player ON play_session (player);
