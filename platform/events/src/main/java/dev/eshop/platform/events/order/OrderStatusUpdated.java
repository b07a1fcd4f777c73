package dev.eshop.platform.events.order;

import dev.eshop.platform.events.Event;

import java.time.Instant;
import java.util.UUID;

import static dev.eshop.platform.events.EventFields.required;

/** An order moved from {@code previousStatus} to {@code status}; {@code version} is the order's version after it. */
public record OrderStatusUpdated(
        UUID orderId,
        UUID userId,
        OrderStatus status,
        OrderStatus previousStatus,
        StatusChangeReason reason,
        String note,
        UUID changedBy,
        ChangedByRole changedByRole,
        long version,
        Instant changedAt) implements Event {

    public OrderStatusUpdated {
        required(orderId, "order_id");
        required(userId, "user_id");
        required(status, "status");
        required(previousStatus, "previous_status");
        required(reason, "reason");
        required(changedByRole, "changed_by_role");
        required(changedAt, "changed_at");
    }

    @Override
    public UUID subject() {
        return orderId;
    }
}
