package dev.eshop.payment.payments;

import dev.eshop.platform.events.order.OrderStatus;
import dev.eshop.platform.events.payment.PaymentStatus;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * The Payment resource (spec/services.md §5.2). {@code image_url} and {@code thumbnail_url} are paths on
 * this service, answered only to the owner and admins; never a public link.
 */
public record PaymentView(UUID id, UUID orderId, UUID userId, PaymentStatus status, BigDecimal amount, String customerNote,
                          String adminNote, UUID reviewedBy, String reviewedByName, Instant reviewedAt, String imageUrl,
                          String thumbnailUrl, OrderSummary order, Instant createdAt, Instant updatedAt) {

    /** What payment knows of the order: its status, total and payment deadline (from order events). */
    public record OrderSummary(OrderStatus status, BigDecimal total, Instant paymentDueAt) {
    }

    public static PaymentView of(Payment payment, OrderSummary order) {
        String image = imagePath(payment.id());
        return new PaymentView(payment.id(), payment.orderId(), payment.userId(), payment.status(), payment.amount(),
                payment.customerNote(), payment.adminNote(), payment.reviewedBy(), payment.reviewedByName(), payment.reviewedAt(),
                image, image + "?variant=thumbnail", order, payment.createdAt(), payment.updatedAt());
    }

    public static String imagePath(UUID paymentId) {
        return "/v1/payments/" + paymentId + "/image";
    }
}
