-- Idempotency-Key records (services.md §0.5), used by @Idempotent endpoints of platform-web.
-- response_headers (Content-Type and Location of the stored answer, "Name: value" lines) lets a
-- replay be the same response as the first.
CREATE TABLE idempotency_record (
    scope            VARCHAR(200) NOT NULL,
    idem_key         VARCHAR(100) NOT NULL,
    request_hash     CHAR(64)     NOT NULL,
    status_code      INT          NULL,
    response_headers TEXT         NULL,
    response_body    LONGTEXT     NULL,
    created_at       DATETIME(6)  NOT NULL,
    expires_at       DATETIME(6)  NOT NULL,
    PRIMARY KEY (scope, idem_key),
    INDEX idempotency_record_expires_at (expires_at)
) ENGINE = InnoDB;
