-- Sales-report: one row per sold order line (spec/services.md §7.1), and daily rollups of those rows
-- so that reports over years read about a thousand rows instead of a million.

CREATE TABLE sales_lines (
    id            uuid          PRIMARY KEY,
    order_id      uuid          NOT NULL,
    user_id       uuid          NOT NULL,
    product_id    uuid          NOT NULL,
    product_name  varchar(120)  NOT NULL,
    category_id   uuid          NOT NULL,
    category_name varchar(60)   NOT NULL,
    quantity      int           NOT NULL CHECK (quantity > 0),
    unit_price    numeric(12,2) NOT NULL,
    line_total    numeric(14,2) NOT NULL,
    margin_rate   numeric(5,4)  NOT NULL,
    margin        numeric(14,2) NOT NULL,
    paid_at       timestamptz   NOT NULL,
    recorded_at   timestamptz   NOT NULL,
    -- A redelivered sale-created (or a second one for the same order) finds its lines here and adds nothing.
    CONSTRAINT sales_lines_order_product UNIQUE (order_id, product_id)
);
CREATE INDEX sales_lines_paid_at ON sales_lines (paid_at);
CREATE INDEX sales_lines_category ON sales_lines (category_id, paid_at);
CREATE INDEX sales_lines_product ON sales_lines (product_id, paid_at);
-- The list sorted by line_total takes its first page from these instead of sorting the whole period: all
-- lines, one category's, one product's. paid_at in them lets the period be checked in the index, so the
-- planner never prefers walking the global one past a category's or product's (price-correlated) lines.
CREATE INDEX sales_lines_line_total ON sales_lines (line_total, paid_at);
CREATE INDEX sales_lines_category_line_total ON sales_lines (category_id, line_total, paid_at);
CREATE INDEX sales_lines_product_line_total ON sales_lines (product_id, line_total, paid_at);

-- Daily rollups, kept in the transaction that records the lines. A day is the date of paid_at in the
-- zone named in sales_rollup_zone (eshop.sales.time-zone); an order has one paid_at, so it belongs to
-- one day, and distinct orders add up across days. Rebuilt from sales_lines when the zone changes.

-- Per day.
CREATE TABLE sales_daily (
    day     date          PRIMARY KEY,
    revenue numeric(18,2) NOT NULL,
    orders  bigint        NOT NULL,
    units   bigint        NOT NULL,
    margin  numeric(18,2) NOT NULL,
    lines   bigint        NOT NULL
);

-- Per day and category: orders = distinct orders with a line in the category that day. The name is the
-- one of the latest line of the day (name_at = its paid_at), so "the latest name in a period" is the name
-- of the row with the greatest name_at in it.
CREATE TABLE sales_daily_category (
    day           date          NOT NULL,
    category_id   uuid          NOT NULL,
    category_name varchar(60)   NOT NULL,
    name_at       timestamptz   NOT NULL,
    revenue       numeric(18,2) NOT NULL,
    orders        bigint        NOT NULL,
    units         bigint        NOT NULL,
    margin        numeric(18,2) NOT NULL,
    lines         bigint        NOT NULL,
    PRIMARY KEY (day, category_id)
);
CREATE INDEX sales_daily_category_category ON sales_daily_category (category_id, day);

-- Per day and product: a product appears once per order, so orders = lines.
CREATE TABLE sales_daily_product (
    day           date          NOT NULL,
    product_id    uuid          NOT NULL,
    product_name  varchar(120)  NOT NULL,
    category_name varchar(60)   NOT NULL,
    name_at       timestamptz   NOT NULL,
    revenue       numeric(18,2) NOT NULL,
    units         bigint        NOT NULL,
    margin        numeric(18,2) NOT NULL,
    lines         bigint        NOT NULL,
    PRIMARY KEY (day, product_id)
);
CREATE INDEX sales_daily_product_product ON sales_daily_product (product_id, day);

-- Per calendar month (of the same days) and product: top products over a year or three add up whole
-- months here and only the partial months at the ends from sales_daily_product.
CREATE TABLE sales_monthly_product (
    month      date          NOT NULL CHECK (extract(day FROM month) = 1),
    product_id uuid          NOT NULL,
    revenue    numeric(18,2) NOT NULL,
    units      bigint        NOT NULL,
    margin     numeric(18,2) NOT NULL,
    lines      bigint        NOT NULL,
    PRIMARY KEY (month, product_id)
);

-- The zone the rollups were built with (one row). A service started with another zone, or finding no
-- row, rebuilds every rollup from sales_lines before it consumes or answers.
CREATE TABLE sales_rollup_zone (
    id        int         PRIMARY KEY CHECK (id = 1),
    time_zone varchar(64) NOT NULL
);
