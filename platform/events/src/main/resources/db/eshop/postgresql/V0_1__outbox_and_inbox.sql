-- Events this service has written and the relay publishes (spec/events.md §1.1).
CREATE TABLE outbox (
    seq         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id          uuid         NOT NULL UNIQUE,
    topic       varchar(100) NOT NULL,
    message_key varchar(100) NOT NULL,
    ce_type     varchar(100) NOT NULL,
    payload     jsonb        NOT NULL,
    created_at  timestamptz  NOT NULL,
    sent_at     timestamptz,
    attempts    int          NOT NULL DEFAULT 0,
    last_error  varchar(500),
    traceparent varchar(55)
);
CREATE INDEX outbox_unsent ON outbox (seq) WHERE sent_at IS NULL;
CREATE INDEX outbox_sent_at ON outbox (sent_at) WHERE sent_at IS NOT NULL;

-- Locked by the relay each round so that one replica relays at a time.
CREATE TABLE outbox_lock (
    id int PRIMARY KEY
);
INSERT INTO outbox_lock (id) VALUES (1);

-- Events this service has handled (spec/events.md §1.2).
CREATE TABLE processed_event (
    event_id     uuid PRIMARY KEY,
    topic        varchar(100) NOT NULL,
    processed_at timestamptz  NOT NULL
);
CREATE INDEX processed_event_processed_at ON processed_event (processed_at);
