package dev.eshop.admin.product;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A product in the list (services.md §2.3); {@code deleted_at} is set for a deleted one listed with "Show deleted". */
public record ProductSummary(UUID id, String sku, String name, BigDecimal price, UUID categoryId, String categoryName, String brand,
                             Integer year, String thumbnailUrl, int stock, Instant createdAt, Instant updatedAt, Instant deletedAt) {

    public boolean deleted() {
        return deletedAt != null;
    }

    /** What "Delete" asks (spec/ui.md §2.4), in the list's dialog and on the confirmation page. */
    public String deleteQuestion() {
        return deleteQuestion(name);
    }

    static String deleteQuestion(String name) {
        return "Delete " + name + "? It disappears from the shop and from every cart. Orders already placed keep it.";
    }
}
