-- V6: what each toy's tag last held, as its portal read it, and the newest write counter the host has seen
-- on it. Portals hold no toy key (protocol 1.1): the host judges the raw areas, plans writes from them (the
-- WriteArea's expected digest), and refuses an older record on the same UID (a rolled-back dump). Areas are
-- hex text so SQLite and PostgreSQL store them alike; NULL means the portal could not read that area.
CREATE TABLE tag_image (
    uid           VARCHAR(20) PRIMARY KEY,
    tag_type      VARCHAR(20) NOT NULL,
    area_a        VARCHAR(128),
    area_b        VARCHAR(128),
    last_counter  BIGINT,
    read_ms       BIGINT      NOT NULL
);
