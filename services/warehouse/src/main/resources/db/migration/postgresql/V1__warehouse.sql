-- Warehouse: warehouses, the local copy of products, stock per (warehouse, product), the movements
-- ledger and reservations per order (spec/services.md §6.1).

CREATE TABLE warehouses (
    id         uuid         PRIMARY KEY,
    name       varchar(100) NOT NULL,
    street     varchar(200) NOT NULL,
    city       varchar(100) NOT NULL,
    state      varchar(100) NOT NULL,
    zip_code   char(5)      NOT NULL CHECK (zip_code ~ '^[0-9]{5}$'),
    is_main    boolean      NOT NULL DEFAULT false,
    created_at timestamptz  NOT NULL,
    updated_at timestamptz  NOT NULL,
    deleted_at timestamptz
);
CREATE UNIQUE INDEX warehouses_name_unique ON warehouses (lower(name)) WHERE deleted_at IS NULL;
-- At most one main warehouse; the code makes the first one main and moves the flag in one transaction.
CREATE UNIQUE INDEX warehouses_one_main ON warehouses (is_main) WHERE is_main AND deleted_at IS NULL;

-- Local copy of the catalogue, from product events. initial_received: the product-created event has
-- been applied (its initial quantity placed or parked), so a second delivery of it changes nothing.
CREATE TABLE products (
    product_id               uuid         PRIMARY KEY,
    sku                      varchar(20)  NOT NULL,
    name                     varchar(120) NOT NULL,
    deleted                  boolean      NOT NULL DEFAULT false,
    version                  int          NOT NULL,
    stock_version            bigint       NOT NULL DEFAULT 0,
    pending_initial_quantity int          NOT NULL DEFAULT 0 CHECK (pending_initial_quantity >= 0),
    initial_received         boolean      NOT NULL DEFAULT false,
    updated_at               timestamptz  NOT NULL
);

-- Units that can still be sold (reserved units already subtracted). Never negative.
CREATE TABLE stock (
    warehouse_id uuid        NOT NULL REFERENCES warehouses (id),
    product_id   uuid        NOT NULL REFERENCES products (product_id),
    quantity     int         NOT NULL CHECK (quantity >= 0),
    updated_at   timestamptz NOT NULL,
    PRIMARY KEY (warehouse_id, product_id)
);
CREATE INDEX stock_product ON stock (product_id);

-- Append-only ledger: every unit that entered, moved or left a warehouse.
CREATE TABLE stock_movements (
    id                uuid         PRIMARY KEY,
    type              varchar(10)  NOT NULL CHECK (type IN ('INITIAL', 'RESTOCK', 'TRANSFER', 'RESERVE', 'RELEASE')),
    product_id        uuid         NOT NULL,
    quantity          int          NOT NULL CHECK (quantity > 0),
    from_warehouse_id uuid REFERENCES warehouses (id),
    to_warehouse_id   uuid REFERENCES warehouses (id),
    order_id          uuid,
    actor_id          uuid,
    actor_name        varchar(100),
    note              varchar(500),
    created_at        timestamptz  NOT NULL,
    CONSTRAINT stock_movements_shape CHECK (
        (type IN ('INITIAL', 'RESTOCK') AND from_warehouse_id IS NULL AND to_warehouse_id IS NOT NULL AND order_id IS NULL)
        OR (type = 'TRANSFER' AND from_warehouse_id IS NOT NULL AND to_warehouse_id IS NOT NULL
            AND from_warehouse_id <> to_warehouse_id AND order_id IS NULL)
        OR (type = 'RESERVE' AND from_warehouse_id IS NOT NULL AND to_warehouse_id IS NULL AND order_id IS NOT NULL)
        OR (type = 'RELEASE' AND from_warehouse_id IS NULL AND to_warehouse_id IS NOT NULL AND order_id IS NOT NULL))
);
CREATE INDEX stock_movements_created_at ON stock_movements (created_at DESC);
CREATE INDEX stock_movements_product ON stock_movements (product_id, created_at);
CREATE INDEX stock_movements_order ON stock_movements (order_id);
CREATE INDEX stock_movements_from ON stock_movements (from_warehouse_id);
CREATE INDEX stock_movements_to ON stock_movements (to_warehouse_id);

CREATE TABLE reservations (
    order_id       uuid        PRIMARY KEY,
    user_id        uuid,
    zip_code       char(5),
    status         varchar(10) NOT NULL CHECK (status IN ('HELD', 'COMMITTED', 'RELEASED')),
    release_reason varchar(30) CHECK (release_reason IN ('ORDER_REJECTED', 'ORDER_EXPIRED', 'ORDER_CANCELLED',
                                                         'CHECKOUT_FAILED', 'CHECKOUT_ABANDONED')),
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL
);

-- What a reservation took from which warehouse: a release returns exactly this.
CREATE TABLE reservation_lines (
    order_id     uuid NOT NULL REFERENCES reservations (order_id),
    warehouse_id uuid NOT NULL REFERENCES warehouses (id),
    product_id   uuid NOT NULL,
    quantity     int  NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (order_id, warehouse_id, product_id)
);
CREATE INDEX reservation_lines_warehouse ON reservation_lines (warehouse_id);
CREATE INDEX reservation_lines_product ON reservation_lines (product_id);
