package dev.eshop.admin.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A proof of payment as payment shows it (services.md §5.2), with what payment knows of its order.
 * {@code image_url} and {@code thumbnail_url} are paths on payment; the pages stream them through
 * this app ({@code /payments/{id}/image}).
 */
public record Payment(UUID id, UUID orderId, UUID userId, String status, BigDecimal amount, String customerNote, String adminNote,
                      UUID reviewedBy, String reviewedByName, Instant reviewedAt, OrderInfo order, Instant createdAt,
                      Instant updatedAt) {

    /** The order's status, total and payment deadline, from order events. */
    public record OrderInfo(String status, BigDecimal total, Instant paymentDueAt) {
    }

    public boolean pending() {
        return "PENDING".equals(status);
    }

    /** The order's total, when payment knows it. */
    public BigDecimal orderTotal() {
        return order == null ? null : order.total();
    }

    public String orderStatus() {
        return order == null ? null : order.status();
    }
}
