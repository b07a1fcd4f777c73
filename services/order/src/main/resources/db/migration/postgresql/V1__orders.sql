-- Order: orders with their lines, shipments and status history, and the checkout attempts that guard
-- reservations against a crash mid-checkout (spec/services.md §4.1). outbox, outbox_lock,
-- processed_event and idempotency_record come from the platform's migrations.

CREATE TABLE orders (
    id                 uuid          PRIMARY KEY,
    user_id            uuid          NOT NULL,
    customer_email     varchar(254)  NOT NULL,
    customer_name      varchar(100)  NOT NULL,
    status             varchar(20)   NOT NULL CHECK (status IN ('PENDING_PAYMENT', 'PAYMENT_SUBMITTED', 'PAID', 'ON_DELIVERY',
                                                                'DELIVERED', 'REJECTED', 'EXPIRED', 'CANCELLED')),
    currency           char(3)       NOT NULL DEFAULT 'USD' CHECK (currency = 'USD'),
    subtotal           numeric(14,2) NOT NULL CHECK (subtotal >= 0),
    shipping_total     numeric(14,2) NOT NULL CHECK (shipping_total >= 0),
    total              numeric(14,2) NOT NULL,
    ship_street        varchar(200)  NOT NULL,
    ship_city          varchar(100)  NOT NULL,
    ship_state         varchar(100)  NOT NULL,
    ship_zip_code      char(5)       NOT NULL CHECK (ship_zip_code ~ '^[0-9]{5}$'),
    ship_note          varchar(500),
    payment_due_at     timestamptz   NOT NULL,
    payment_id         uuid,
    payment_status     varchar(10)   CHECK (payment_status IN ('PENDING', 'APPROVED', 'REJECTED')),
    payment_admin_note varchar(500),
    payment_updated_at timestamptz,
    paid_at            timestamptz,
    shipped_at         timestamptz,
    delivered_at       timestamptz,
    -- Entered DELIVERED, REJECTED, EXPIRED or CANCELLED.
    closed_at          timestamptz,
    idempotency_key    varchar(100)  NOT NULL,
    version            int           NOT NULL DEFAULT 1,
    created_at         timestamptz   NOT NULL,
    updated_at         timestamptz   NOT NULL,
    CONSTRAINT orders_total CHECK (total = subtotal + shipping_total),
    -- A retried checkout (same user, same Idempotency-Key) finds the order instead of making a second one.
    CONSTRAINT orders_user_key UNIQUE (user_id, idempotency_key)
);
-- What the deadline job scans: only orders still waiting for a proof.
CREATE INDEX orders_payment_due ON orders (payment_due_at) WHERE status = 'PENDING_PAYMENT';
CREATE INDEX orders_user_created ON orders (user_id, created_at DESC);
CREATE INDEX orders_status_created ON orders (status, created_at DESC);
CREATE INDEX orders_created ON orders (created_at DESC);

-- Names, categories and prices as they were at checkout: never changed afterwards.
CREATE TABLE order_lines (
    id            uuid          PRIMARY KEY,
    order_id      uuid          NOT NULL REFERENCES orders (id),
    position      int           NOT NULL,
    product_id    uuid          NOT NULL,
    sku           varchar(20)   NOT NULL,
    product_name  varchar(120)  NOT NULL,
    category_id   uuid          NOT NULL,
    category_name varchar(60)   NOT NULL,
    image_url     varchar(300),
    quantity      int           NOT NULL CHECK (quantity BETWEEN 1 AND 10),
    unit_price    numeric(12,2) NOT NULL CHECK (unit_price > 0),
    line_total    numeric(14,2) NOT NULL,
    CONSTRAINT order_lines_product UNIQUE (order_id, product_id)
);

-- One per source warehouse of the reservation, nearest first (ids are time-ordered).
CREATE TABLE order_shipments (
    id             uuid          PRIMARY KEY,
    order_id       uuid          NOT NULL REFERENCES orders (id),
    warehouse_id   uuid          NOT NULL,
    warehouse_name varchar(100)  NOT NULL,
    from_zip       char(5)       NOT NULL,
    vehicles       int           NOT NULL CHECK (vehicles >= 1),
    shipping_cost  numeric(12,2) NOT NULL CHECK (shipping_cost >= 0)
);
CREATE INDEX order_shipments_order ON order_shipments (order_id);

CREATE TABLE order_shipment_items (
    shipment_id uuid NOT NULL REFERENCES order_shipments (id),
    product_id  uuid NOT NULL,
    quantity    int  NOT NULL CHECK (quantity >= 1),
    PRIMARY KEY (shipment_id, product_id)
);

-- The timeline: one row per status change, the creation included (from_status null, reason CREATED).
CREATE TABLE order_status_history (
    id          uuid         PRIMARY KEY,
    order_id    uuid         NOT NULL REFERENCES orders (id),
    from_status varchar(20),
    to_status   varchar(20)  NOT NULL,
    reason      varchar(30)  NOT NULL CHECK (reason IN ('CREATED', 'PAYMENT_SUBMITTED', 'PAYMENT_APPROVED', 'PAYMENT_REJECTED',
                                                       'DEADLINE_PASSED', 'CANCELLED_BY_CUSTOMER', 'SHIPPED',
                                                       'DELIVERY_CONFIRMED')),
    note        varchar(500),
    actor_id    uuid,
    actor_name  varchar(100),
    actor_role  varchar(10)  NOT NULL CHECK (actor_role IN ('CUSTOMER', 'ADMIN', 'SYSTEM')),
    at          timestamptz  NOT NULL
);
CREATE INDEX order_status_history_order ON order_status_history (order_id, at);

-- A checkout between its reservation and its saved order. A row left behind (the process died, or
-- the release failed) is released by the sweeper; a retry with the same key reuses its order id.
CREATE TABLE checkout_attempts (
    order_id        uuid         PRIMARY KEY,
    user_id         uuid         NOT NULL,
    idempotency_key varchar(100) NOT NULL,
    created_at      timestamptz  NOT NULL,
    CONSTRAINT checkout_attempts_user_key UNIQUE (user_id, idempotency_key)
);
CREATE INDEX checkout_attempts_created ON checkout_attempts (created_at);
