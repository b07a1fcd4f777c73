CREATE TABLE stock_note (
    id         BIGINT   NOT NULL AUTO_INCREMENT PRIMARY KEY,
    product_id CHAR(36) NOT NULL,
    quantity   INT      NOT NULL
) ENGINE = InnoDB;
CREATE TABLE received_quantity (
    event_id      CHAR(36) NOT NULL PRIMARY KEY,
    product_id    CHAR(36) NOT NULL,
    stock_version BIGINT   NOT NULL,
    quantity      INT      NOT NULL
) ENGINE = InnoDB;
