-- The durable copy of every cart (spec/services.md §3.1). Redis holds the same lines; MySQL is the truth.

-- One row per customer who ever had a cart: the row every change of that cart locks first (so changes of
-- one cart are serialised), the cart's version (+1 per change; Redis keeps it in the cart hash's marker
-- so that an older copy never overwrites a newer one) and when it last changed.
CREATE TABLE carts (
    user_id    CHAR(36)    NOT NULL PRIMARY KEY,
    version    BIGINT      NOT NULL,
    updated_at DATETIME(6) NOT NULL
) ENGINE = InnoDB;

CREATE TABLE cart_lines (
    user_id    CHAR(36)     NOT NULL,
    product_id CHAR(36)     NOT NULL,
    quantity   INT          NOT NULL,
    note       VARCHAR(200) NULL,
    added_at   DATETIME(6)  NOT NULL,
    updated_at DATETIME(6)  NOT NULL,
    PRIMARY KEY (user_id, product_id),
    INDEX cart_lines_product (product_id),
    CONSTRAINT cart_lines_quantity CHECK (quantity >= 1)
) ENGINE = InnoDB;

-- The local copy of the catalogue, from product-updated and product-deleted.
CREATE TABLE cart_products (
    product_id    CHAR(36)      NOT NULL PRIMARY KEY,
    name          VARCHAR(120)  NOT NULL,
    price         DECIMAL(12,2) NOT NULL,
    thumbnail_url VARCHAR(300)  NULL,
    stock         INT           NOT NULL,
    deleted       BOOLEAN       NOT NULL DEFAULT FALSE,
    version       INT           NOT NULL,
    updated_at    DATETIME(6)   NOT NULL
) ENGINE = InnoDB;

-- Customers whose Redis cart could not be updated nor deleted; the eviction job deletes it later.
CREATE TABLE cache_eviction (
    user_id    CHAR(36)    NOT NULL PRIMARY KEY,
    created_at DATETIME(6) NOT NULL
) ENGINE = InnoDB;

-- The same for products whose cart-product key could not be set nor deleted after an event.
CREATE TABLE product_cache_eviction (
    product_id CHAR(36)    NOT NULL PRIMARY KEY,
    created_at DATETIME(6) NOT NULL
) ENGINE = InnoDB;
