CREATE TABLE stock_note (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    product_id uuid NOT NULL,
    quantity   int  NOT NULL
);
CREATE TABLE received_quantity (
    event_id      uuid PRIMARY KEY,
    product_id    uuid   NOT NULL,
    stock_version bigint NOT NULL,
    quantity      int    NOT NULL
);
