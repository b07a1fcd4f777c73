package dev.eshop.platform.events.order;

import java.math.BigDecimal;
import java.util.UUID;

import static dev.eshop.platform.events.EventFields.money;
import static dev.eshop.platform.events.EventFields.required;

/** A line as frozen on the order at checkout: name, category and price as they were then. */
public record OrderLine(
        UUID productId,
        String sku,
        String productName,
        UUID categoryId,
        String categoryName,
        int quantity,
        BigDecimal unitPrice,
        BigDecimal lineTotal) {

    public OrderLine {
        required(productId, "lines[].product_id");
        required(productName, "lines[].product_name");
        if (quantity < 1) {
            throw new IllegalArgumentException("lines[].quantity must be at least 1, was " + quantity);
        }
        unitPrice = money(unitPrice, "lines[].unit_price");
        lineTotal = money(lineTotal, "lines[].line_total");
    }
}
