-- V8: frames parked by bridges sharing one PostgreSQL database (issue 15). With several bridges in one share
-- group, a portal's frames alternate between them; a frame whose predecessor another bridge has not committed
-- yet is stored here, acknowledged, and applied by whichever bridge next holds the portal's stream lock once
-- the gap closes (or the wait ends). A single bridge orders frames in memory and never writes here.
-- frame is the frame's bytes in base64 (portable: SQLite and PostgreSQL have no common binary type name).
CREATE TABLE parked_frame (
    device_id    VARCHAR(64)  NOT NULL,
    boot_id      BIGINT       NOT NULL,
    seq          BIGINT       NOT NULL,
    frame        TEXT         NOT NULL,
    received_ms  BIGINT       NOT NULL,
    parked_ms    BIGINT       NOT NULL,
    PRIMARY KEY (device_id, boot_id, seq)
);
CREATE INDEX parked_frame_age ON parked_frame (parked_ms);
