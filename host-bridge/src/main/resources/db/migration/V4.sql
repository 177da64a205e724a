-- V4: the game/events outbox. An event is written in the transaction of the change it reports and deleted
-- once the broker has confirmed it, so a bridge that dies in between publishes it again when it restarts.
-- owner is the bridge's MQTT client id: bridges sharing one database each resend only their own events.
CREATE TABLE event_outbox (
    owner     VARCHAR(200) NOT NULL,
    position  BIGINT       NOT NULL,
    event_id  VARCHAR(200) NOT NULL,
    payload   TEXT         NOT NULL,
    PRIMARY KEY (owner, position)
);
