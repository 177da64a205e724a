-- V1: initial schema. Portable SQL: runs on SQLite 3.35+ and PostgreSQL 12+ (no AUTOINCREMENT, no SERIAL,
-- no SQLite-only types); keys are natural so no identity columns are needed.

CREATE TABLE portal (
  device_id       VARCHAR(64)  PRIMARY KEY,
  online          BOOLEAN      NOT NULL,
  boot_id         BIGINT,
  -- A Birth allows 255 bytes. PostgreSQL enforces VARCHAR lengths (SQLite ignores them).
  firmware        VARCHAR(255),
  capabilities    TEXT,
  pads            TEXT,
  calibration     TEXT,
  config_version  BIGINT,
  health          TEXT,
  last_seen_ms    BIGINT       NOT NULL
);

-- One row per (device, boot) announced by a Birth: binds the boot to the device and holds the highest
-- sequence number applied, so duplicates are dropped across restarts.
CREATE TABLE boot_stream (
  device_id       VARCHAR(64)  NOT NULL,
  boot_id         BIGINT       NOT NULL,
  last_seq        BIGINT       NOT NULL,
  born_ms         BIGINT       NOT NULL,
  PRIMARY KEY (device_id, boot_id)
);

CREATE TABLE toy (
  uid             VARCHAR(32)  PRIMARY KEY,
  toy_type        INTEGER      NOT NULL,
  variant         INTEGER      NOT NULL,
  name            VARCHAR(64)  NOT NULL,
  colour_primary  INTEGER      NOT NULL,
  colour_second   INTEGER      NOT NULL,
  colour_accent   INTEGER      NOT NULL,
  upgrades        VARCHAR(512) NOT NULL,
  xp              BIGINT       NOT NULL,
  level           INTEGER      NOT NULL,
  last_verdict    VARCHAR(16)  NOT NULL,
  first_seen_ms   BIGINT       NOT NULL,
  last_seen_ms    BIGINT       NOT NULL,
  write_pending   BOOLEAN      NOT NULL,
  revision        BIGINT       NOT NULL
);

CREATE TABLE placement (
  device_id       VARCHAR(64)  NOT NULL,
  pad             INTEGER      NOT NULL,
  slot            INTEGER      NOT NULL,
  uid             VARCHAR(32)  NOT NULL,
  since_ms        BIGINT       NOT NULL,
  session_id      VARCHAR(128) NOT NULL,
  PRIMARY KEY (device_id, pad, slot)
);

-- One row per placement of a toy on a pad: the toy's play history.
CREATE TABLE play_session (
  session_id      VARCHAR(128) PRIMARY KEY,
  uid             VARCHAR(32)  NOT NULL,
  device_id       VARCHAR(64)  NOT NULL,
  pad             INTEGER      NOT NULL,
  slot            INTEGER      NOT NULL,
  started_ms      BIGINT       NOT NULL,
  ended_ms        BIGINT,
  duration_ms     BIGINT
);

CREATE INDEX play_session_uid ON play_session (uid, started_ms);
CREATE INDEX placement_uid ON placement (uid);
