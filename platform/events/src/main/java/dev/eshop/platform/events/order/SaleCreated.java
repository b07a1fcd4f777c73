package dev.eshop.platform.events.order;

import dev.eshop.platform.events.Event;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static dev.eshop.platform.events.EventFields.list;
import static dev.eshop.platform.events.EventFields.money;
import static dev.eshop.platform.events.EventFields.required;

/** An order became PAID; its lines, as frozen at checkout, are sales for the reports. */
public record SaleCreated(UUID orderId, UUID userId, Instant paidAt, List<Item> items) implements Event {

    public SaleCreated {
        required(orderId, "order_id");
        required(userId, "user_id");
        required(paidAt, "paid_at");
        items = list(items, "items");
        if (items.isEmpty()) {
            throw new IllegalArgumentException("items must not be empty");
        }
    }

    @Override
    public UUID subject() {
        return orderId;
    }

    public record Item(
            UUID productId,
            String productName,
            UUID categoryId,
            String categoryName,
            int quantity,
            BigDecimal unitPrice,
            BigDecimal lineTotal) {

        public Item {
            required(productId, "items[].product_id");
            required(productName, "items[].product_name");
            if (quantity < 1) {
                throw new IllegalArgumentException("items[].quantity must be at least 1, was " + quantity);
            }
            unitPrice = money(unitPrice, "items[].unit_price");
            lineTotal = money(lineTotal, "items[].line_total");
        }
    }
}
