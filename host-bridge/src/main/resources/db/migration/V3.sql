-- V3: the bridge republishes, when it starts, the documents of the toys active shortly before it stopped;
-- this index lets it find them without reading every toy.
CREATE INDEX toy_last_seen ON toy (last_seen_ms);
