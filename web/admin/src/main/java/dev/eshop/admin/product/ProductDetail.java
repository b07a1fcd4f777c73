package dev.eshop.admin.product;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A product with everything the edit form shows (services.md §2.3), and the version an edit is based on. */
public record ProductDetail(UUID id, String sku, String name, BigDecimal price, UUID categoryId, String categoryName, int stock,
                            Instant deletedAt, String description, Map<String, Object> attributes, List<Image> images, long version) {

    public ProductDetail {
        attributes = attributes == null ? Map.of() : attributes;
        images = images == null ? List.of() : images;
    }

    /** A picture of the gallery; {@code url} and {@code thumbnail_url} are public (product's image route or a CDN). */
    public record Image(UUID id, String url, String thumbnailUrl, boolean main, int position) {
    }

    public boolean deleted() {
        return deletedAt != null;
    }

    /** What "Remove" asks for one of its pictures, in the dialog and on the confirmation page. */
    public String removeImageQuestion() {
        return "Remove this picture of " + name + "? It disappears from the shop.";
    }
}
