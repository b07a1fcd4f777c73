package dev.eshop.payment.payments;

import dev.eshop.platform.events.payment.PaymentStatus;
import dev.eshop.platform.events.payment.PaymentUpdated;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code payments} (spec/services.md §5.1): one proof of payment for one order.
 *
 * @param amount           the order total at upload
 * @param imageKey         S3 key of the original, {@code payment-proofs/{yyyy}/{mm}/{id}}
 * @param thumbnailKey     S3 key of the JPEG thumbnail, {@code …/{id}-thumb}
 * @param imageContentType the type sniffed from the bytes, never the declared one
 */
public record Payment(UUID id, UUID orderId, UUID userId, PaymentStatus status, BigDecimal amount, String imageKey,
                      String thumbnailKey, String imageContentType, int imageSize, String customerNote, String adminNote,
                      UUID reviewedBy, String reviewedByName, Instant reviewedAt, int version, Instant createdAt,
                      Instant updatedAt) {

    /** The {@code payment-updated} event of this state (events.md §3.7). */
    public PaymentUpdated updatedEvent() {
        return new PaymentUpdated(id, orderId, userId, status, amount, customerNote, adminNote, reviewedBy, reviewedAt, createdAt,
                updatedAt);
    }
}
