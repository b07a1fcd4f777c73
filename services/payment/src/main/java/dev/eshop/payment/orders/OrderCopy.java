package dev.eshop.payment.orders;

import dev.eshop.platform.events.order.OrderStatus;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * payment's copy of an order ({@code payment_orders}), kept from order events.
 *
 * @param total        null until {@code order-created} has been processed
 * @param paymentDueAt null until {@code order-created} has been processed
 * @param version      the order's version of {@code status}: 1 from order-created, then 2, 3, … from order-status-updated
 */
public record OrderCopy(UUID orderId, UUID userId, BigDecimal total, OrderStatus status, Instant paymentDueAt, long version,
                        Instant updatedAt) {

    /** Whether {@code order-created} has been processed: uploads are refused until it has (events.md §3.6). */
    public boolean complete() {
        return total != null && paymentDueAt != null;
    }
}
