package dev.eshop.order.orders;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.eshop.platform.events.order.OrderStatus;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * An order in a list. {@code item_count} is the number of vehicles (Σ quantity); {@code user_id},
 * {@code customer_email} and {@code customer_name} are shown to admins only (left out otherwise).
 */
public record OrderSummary(
        UUID id,
        OrderStatus status,
        BigDecimal total,
        String currency,
        int lineCount,
        int itemCount,
        String firstItemName,
        String thumbnailUrl,
        Instant paymentDueAt,
        Instant createdAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) UUID userId,
        @JsonInclude(JsonInclude.Include.NON_NULL) String customerEmail,
        @JsonInclude(JsonInclude.Include.NON_NULL) String customerName) {

    /** Without the customer's identity, for the customer's own list. */
    public OrderSummary withoutCustomer() {
        return new OrderSummary(id, status, total, currency, lineCount, itemCount, firstItemName, thumbnailUrl, paymentDueAt,
                createdAt, null, null, null);
    }
}
