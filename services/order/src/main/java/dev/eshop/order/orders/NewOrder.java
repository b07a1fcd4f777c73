package dev.eshop.order.orders;

import java.time.Instant;
import java.util.UUID;

/** An order checkout is about to save, status {@code PENDING_PAYMENT}. */
public record NewOrder(UUID id, UUID userId, String customerEmail, String customerName, String idempotencyKey,
                       Order.Address address, PricedOrder priced, Instant paymentDueAt, Instant createdAt) {
}
