package dev.eshop.order.orders;

import dev.eshop.platform.events.order.OrderStatus;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One row of {@code orders}. */
public record Order(UUID id, UUID userId, String customerEmail, String customerName, OrderStatus status, String currency,
                    BigDecimal subtotal, BigDecimal shippingTotal, BigDecimal total, Address address, Instant paymentDueAt,
                    UUID paymentId, String paymentStatus, String paymentAdminNote, Instant paymentUpdatedAt, Instant paidAt,
                    Instant shippedAt, Instant deliveredAt, Instant closedAt, String idempotencyKey, int version,
                    Instant createdAt, Instant updatedAt) {

    /** The delivery address. */
    public record Address(String street, String city, String state, String zipCode, String note) {
    }
}
