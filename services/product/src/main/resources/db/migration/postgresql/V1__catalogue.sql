-- The catalogue (spec/services.md §2.1). Outbox, outbox_lock and processed_event come from the platform (V0_1).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE categories (
    id         uuid PRIMARY KEY,
    name       varchar(60) NOT NULL,
    slug       varchar(60) NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    parent_id  uuid REFERENCES categories (id),
    position   int         NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);
-- Unique name among siblings, case-insensitive (top level: parent_id null counts as one family).
CREATE UNIQUE INDEX categories_sibling_name ON categories (COALESCE(parent_id, '00000000-0000-0000-0000-000000000000'::uuid), lower(name));
CREATE INDEX categories_parent ON categories (parent_id);

CREATE TABLE products (
    id            uuid PRIMARY KEY,
    sku           varchar(20)   NOT NULL UNIQUE,
    name          varchar(120)  NOT NULL,
    description   text          NOT NULL DEFAULT '' CHECK (length(description) <= 5000),
    price         numeric(12,2) NOT NULL CHECK (price > 0),
    category_id   uuid          NOT NULL REFERENCES categories (id),
    attributes    jsonb         NOT NULL DEFAULT '{}',
    brand         varchar(60)   GENERATED ALWAYS AS (attributes ->> 'brand') STORED,
    model_year    int           GENERATED ALWAYS AS (
                      CASE WHEN jsonb_typeof(attributes -> 'year') = 'number' THEN (attributes ->> 'year')::int END) STORED,
    -- What q searches: every word must be a substring of name, brand or description (or equal the SKU).
    search_text   text          GENERATED ALWAYS AS (
                      lower(name || ' ' || coalesce(attributes ->> 'brand', '') || ' ' || description)) STORED,
    stock         int           NOT NULL DEFAULT 0 CHECK (stock >= 0),
    stock_version bigint        NOT NULL DEFAULT 0,
    version       int           NOT NULL DEFAULT 1,
    created_at    timestamptz   NOT NULL,
    updated_at    timestamptz   NOT NULL,
    deleted_at    timestamptz
);
CREATE INDEX products_category_live ON products (category_id) WHERE deleted_at IS NULL;
CREATE INDEX products_created_at ON products (created_at DESC, id DESC);
CREATE INDEX products_price ON products (price, id);
CREATE INDEX products_name ON products (lower(name), id);
CREATE INDEX products_brand ON products (lower(brand));
CREATE INDEX products_model_year ON products (model_year);
CREATE INDEX products_search ON products USING gin (search_text gin_trgm_ops);

CREATE TABLE product_images (
    id            uuid PRIMARY KEY,
    product_id    uuid         NOT NULL REFERENCES products (id),
    object_key    varchar(200) NOT NULL,
    thumbnail_key varchar(200) NOT NULL,
    content_type  varchar(20)  NOT NULL,
    size_bytes    int          NOT NULL,
    width         int          NOT NULL,
    height        int          NOT NULL,
    main          boolean      NOT NULL,
    position      int          NOT NULL,
    created_at    timestamptz  NOT NULL
);
CREATE INDEX product_images_product ON product_images (product_id, position);
CREATE UNIQUE INDEX product_images_one_main ON product_images (product_id) WHERE main;
