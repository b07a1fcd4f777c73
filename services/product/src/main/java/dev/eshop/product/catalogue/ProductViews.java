package dev.eshop.product.catalogue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Response bodies of the product endpoints (services.md §2.3). */
public final class ProductViews {

    private ProductViews() {
    }

    /** A product in a list; {@code deleted_at} is only ever set for an ADMIN listing with {@code include_deleted}. */
    public record ProductSummary(UUID id, String sku, String name, BigDecimal price, UUID categoryId, String categoryName, String brand,
                                 Integer year, String mainImageUrl, String thumbnailUrl, int stock, boolean inStock,
                                 Instant createdAt, Instant updatedAt, Instant deletedAt) {
    }

    public record ImageView(UUID id, String url, String thumbnailUrl, boolean main, int position) {
    }

    public record CategoryRef(UUID id, String name, String slug, CategoryRef parent) {
    }

    /** A product's page: the summary plus description, attributes, gallery, category path and version. */
    public record ProductDetail(UUID id, String sku, String name, BigDecimal price, UUID categoryId, String categoryName, String brand,
                                Integer year, String mainImageUrl, String thumbnailUrl, int stock, boolean inStock,
                                Instant createdAt, Instant updatedAt, Instant deletedAt, String description,
                                Map<String, Object> attributes, List<ImageView> images, CategoryRef category, long version) {
    }

    public record LookupItem(UUID id, String sku, String name, BigDecimal price, UUID categoryId, String categoryName,
                             String thumbnailUrl, int stock, boolean available) {
    }

    public record LookupResult(List<LookupItem> items, List<UUID> missing) {
    }

    public record BrandFacet(String name, long count) {
    }

    public record Facets(List<BrandFacet> brands, BigDecimal priceMin, BigDecimal priceMax, Integer yearMin, Integer yearMax) {
    }

    public record Republished(int queued) {
    }
}
