-- payment's tables (spec/services.md §5.1). Ids are UUID strings; DATETIME(6) columns hold UTC.

-- The local copy of each order, from order-created and order-status-updated (events.md §3.5-3.6).
-- total and payment_due_at are null only while order-created has not been processed yet; version is the
-- order's version of the stored status (1 from order-created, 2, 3, ... from order-status-updated).
CREATE TABLE payment_orders (
    order_id       CHAR(36)      NOT NULL PRIMARY KEY,
    user_id        CHAR(36)      NOT NULL,
    total          DECIMAL(14,2) NULL,
    status         VARCHAR(20)   NOT NULL,
    payment_due_at DATETIME(6)   NULL,
    version        INT           NOT NULL,
    updated_at     DATETIME(6)   NOT NULL
) ENGINE = InnoDB;

-- One proof of payment per order (UNIQUE order_id settles concurrent uploads).
CREATE TABLE payments (
    id                 CHAR(36)      NOT NULL PRIMARY KEY,
    order_id           CHAR(36)      NOT NULL,
    user_id            CHAR(36)      NOT NULL,
    amount             DECIMAL(14,2) NOT NULL,
    status             VARCHAR(10)   NOT NULL,
    image_key          VARCHAR(200)  NOT NULL,
    thumbnail_key      VARCHAR(200)  NOT NULL,
    image_content_type VARCHAR(20)   NOT NULL,
    image_size         INT           NOT NULL,
    customer_note      VARCHAR(500)  NULL,
    admin_note         VARCHAR(500)  NULL,
    reviewed_by        CHAR(36)      NULL,
    reviewed_by_name   VARCHAR(100)  NULL,
    reviewed_at        DATETIME(6)   NULL,
    version            INT           NOT NULL,
    created_at         DATETIME(6)   NOT NULL,
    updated_at         DATETIME(6)   NOT NULL,
    CONSTRAINT payments_order UNIQUE (order_id),
    CONSTRAINT payments_status CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
    INDEX payments_user_created (user_id, created_at),
    INDEX payments_status_created (status, created_at),
    INDEX payments_created (created_at)
) ENGINE = InnoDB;
