package dev.eshop.platform.events.product;

public enum StockChangeCause {
    INITIAL, RESTOCK, TRANSFER, RESERVE, RELEASE
}
