-- Idempotency-Key records (services.md §0.5), used by @Idempotent endpoints of platform-web.
-- response_headers (Content-Type and Location of the stored answer, "Name: value" lines) lets a
-- replay be the same response as the first.
CREATE TABLE idempotency_record (
    scope            varchar(200) NOT NULL,
    idem_key         varchar(100) NOT NULL,
    request_hash     char(64)     NOT NULL,
    status_code      int,
    response_headers text,
    response_body    text,
    created_at       timestamptz  NOT NULL,
    expires_at       timestamptz  NOT NULL,
    PRIMARY KEY (scope, idem_key)
);
CREATE INDEX idempotency_record_expires_at ON idempotency_record (expires_at);
