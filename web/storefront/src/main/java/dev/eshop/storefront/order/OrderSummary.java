package dev.eshop.storefront.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An order in "My orders" (services.md §4.2); {@code item_count} is the number of vehicles. */
public record OrderSummary(UUID id, String status, BigDecimal total, int lineCount, int itemCount, String firstItemName,
                           String thumbnailUrl, Instant paymentDueAt, Instant createdAt) {

    /** "Mazda CX-60 + 1 more". */
    public String itemsLabel() {
        String first = firstItemName == null ? "Vehicle" : firstItemName;
        return lineCount > 1 ? first + " + " + (lineCount - 1) + " more" : first;
    }

    /** One page of {@code GET /v1/orders/me}. */
    public record Page(List<OrderSummary> items, int page, int size, long total) {

        public Page {
            items = items == null ? List.of() : items;
        }
    }
}
