package dev.eshop.admin.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** An order in the admins' list (services.md §4.2); {@code item_count} is the number of vehicles. */
public record OrderSummary(UUID id, String status, BigDecimal total, int lineCount, int itemCount, String firstItemName,
                           Instant paymentDueAt, Instant createdAt, UUID userId, String customerEmail, String customerName) {
}
