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
