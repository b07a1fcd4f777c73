package dev.eshop.order.orders;

import dev.eshop.platform.events.order.ChangedByRole;
import dev.eshop.platform.events.order.OrderStatus;

import java.time.Instant;
import java.util.UUID;

/**
 * One row of an order's timeline. {@code reason} is {@code CREATED} for the first, else the
 * {@code reason} of the {@code order-status-updated} event of the change.
 */
public record HistoryEntry(OrderStatus fromStatus, OrderStatus toStatus, String reason, String note, UUID actorId,
                           String actorName, ChangedByRole actorRole, Instant at) {
}
