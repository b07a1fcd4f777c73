package dev.eshop.platform.events.payment;

import dev.eshop.platform.events.Event;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import static dev.eshop.platform.events.EventFields.money;
import static dev.eshop.platform.events.EventFields.required;

/** A payment proof was uploaded (PENDING), reviewed (APPROVED or REJECTED) or rejected automatically. */
public record PaymentUpdated(
        UUID paymentId,
        UUID orderId,
        UUID userId,
        PaymentStatus status,
        BigDecimal amount,
        String customerNote,
        String adminNote,
        UUID reviewedBy,
        Instant reviewedAt,
        Instant createdAt,
        Instant updatedAt) implements Event {

    public PaymentUpdated {
        required(paymentId, "payment_id");
        required(orderId, "order_id");
        required(userId, "user_id");
        required(status, "status");
        amount = money(amount, "amount");
        required(createdAt, "created_at");
        required(updatedAt, "updated_at");
    }

    @Override
    public UUID subject() {
        return paymentId;
    }
}
