-- Events this service has written and the relay publishes (spec/events.md §1.1).
CREATE TABLE outbox (
    seq         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    id          CHAR(36)     NOT NULL,
    topic       VARCHAR(100) NOT NULL,
    message_key VARCHAR(100) NOT NULL,
    ce_type     VARCHAR(100) NOT NULL,
    payload     JSON         NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    sent_at     DATETIME(6)  NULL,
    attempts    INT          NOT NULL DEFAULT 0,
    last_error  VARCHAR(500) NULL,
    traceparent VARCHAR(55)  NULL,
    CONSTRAINT outbox_id UNIQUE (id),
    INDEX outbox_unsent (sent_at, seq)
) ENGINE = InnoDB;

-- Locked by the relay each round so that one replica relays at a time.
CREATE TABLE outbox_lock (
    id INT NOT NULL PRIMARY KEY
) ENGINE = InnoDB;
INSERT INTO outbox_lock (id) VALUES (1);

-- Events this service has handled (spec/events.md §1.2).
CREATE TABLE processed_event (
    event_id     CHAR(36)     NOT NULL PRIMARY KEY,
    topic        VARCHAR(100) NOT NULL,
    processed_at DATETIME(6)  NOT NULL,
    INDEX processed_event_processed_at (processed_at)
) ENGINE = InnoDB;
