-- V5: numbers the bridge hands out that must never repeat, reserved in blocks: the correlation ids of the
-- commands it sends to portals. A portal answers a command whose id it remembers (it keeps its last 256
-- results across restarts) from that memory, so an id used twice would get the older command's answer.
-- A bridge reserves a block with one committed UPDATE before it uses any id of it: a crash skips the rest of
-- the block, never reuses it, and bridges sharing one database each get blocks of their own.
-- Ids start at 2^24: runs before V5 drew a random start below 2^20, and portals may remember those ids.
CREATE TABLE id_block (
    name     VARCHAR(64) PRIMARY KEY,
    next_id  BIGINT      NOT NULL
);
INSERT INTO id_block (name, next_id) VALUES ('command-correlation', 16777216);
