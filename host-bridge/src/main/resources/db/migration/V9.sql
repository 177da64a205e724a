-- V9: bridge leases, so what a bridge that died for good left behind is taken over by another (issue 15)
-- Each bridge sharing the database keeps a row here under its MQTT client id (the owner of its event_outbox
-- rows) and renews it on a timer. A bridge that finds another's lease expired deletes that row and moves the
-- owner's outbox rows to itself in the same transaction; the DELETE is conditional (WHERE expires_ms < now),
-- so when two bridges try at once exactly one deletes the row and takes the events, the other gets 0 rows.
-- expires_ms is the renewing bridge's wall clock: hosts sharing a database keep their clocks in step (NTP)
-- to well within a lease.
CREATE TABLE bridge_lease (
    owner       VARCHAR(200) PRIMARY KEY,
    expires_ms  BIGINT       NOT NULL
);
-- Owners whose events waited from before V9 get a lease that has run out: the owner itself keeps them if it
-- is the bridge that starts (a single-bridge SQLite file), any other bridge sends them otherwise.
INSERT INTO bridge_lease (owner, expires_ms) SELECT DISTINCT owner, 0 FROM event_outbox;
-- A tag write sent to a portal and not answered yet. The portal's CommandResult may reach any bridge of the
-- share group, and the bridge that sent the write may be gone: whichever bridge gets the result settles the
-- write by this row (clears the toy's write_pending, answers the game server that asked), and a write nobody
-- answered a lease past its due time is answered "timeout" by whichever bridge finds it first. Deleting the
-- row is conditional, so only one bridge settles each. reply_to and request_id are NULL for a write planned
-- when a toy was read, which no game server waits for.
CREATE TABLE pending_write (
    correlation_id  BIGINT       PRIMARY KEY,
    device_id       VARCHAR(200) NOT NULL,
    uid             VARCHAR(32)  NOT NULL,
    revision        BIGINT       NOT NULL,
    reply_to        TEXT,
    request_id      TEXT,
    due_ms          BIGINT       NOT NULL
);
CREATE INDEX pending_write_due ON pending_write (due_ms);
