package dev.eshop.product.catalogue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A product as both stores keep it: its fields, its gallery and its displayed stock.
 *
 * @param stockVersion the last applied {@code stock_version} of warehouse's {@code product-quantity-updated}
 * @param version      +1 on every change (edit, image, stock, delete)
 */
public record Product(
        UUID id,
        String sku,
        String name,
        String description,
        BigDecimal price,
        UUID categoryId,
        Map<String, Object> attributes,
        List<Image> images,
        int stock,
        long stockVersion,
        long version,
        Instant createdAt,
        Instant updatedAt,
        Instant deletedAt) {

    public Product {
        attributes = attributes == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
        images = images == null ? List.of() : images.stream().sorted(Comparator.comparingInt(Image::position)).toList();
    }

    /**
     * One picture of the gallery.
     *
     * @param objectKey    {@code product-images/{id}.{ext}}
     * @param thumbnailKey {@code product-images/{id}-thumb.jpg}
     */
    public record Image(UUID id, String objectKey, String thumbnailKey, String contentType, int sizeBytes, int width,
                        int height, boolean main, int position, Instant createdAt) {

        /** The public file name: {@code {id}.{ext}}. */
        public String fileName() {
            return objectKey.substring(objectKey.lastIndexOf('/') + 1);
        }

        public String thumbnailFileName() {
            return thumbnailKey.substring(thumbnailKey.lastIndexOf('/') + 1);
        }
    }

    public boolean deleted() {
        return deletedAt != null;
    }

    public String brand() {
        return attributes.get("brand") instanceof String brand ? brand : null;
    }

    public Integer year() {
        return attributes.get("year") instanceof Number year ? year.intValue() : null;
    }

    public Optional<Image> mainImage() {
        return images.stream().filter(Image::main).findFirst();
    }

    /** The lower-cased text {@code q} searches (name, brand, description). */
    public String searchText() {
        return (name + " " + (brand() == null ? "" : brand()) + " " + description).toLowerCase(java.util.Locale.ROOT);
    }

    Product edited(String name, String description, BigDecimal price, UUID categoryId, Map<String, Object> attributes, Instant now) {
        return new Product(id, sku, name, description, price, categoryId, attributes, images, stock, stockVersion, version + 1,
                createdAt, now, deletedAt);
    }

    public Product withImages(List<Image> images, Instant now) {
        return new Product(id, sku, name, description, price, categoryId, attributes, images, stock, stockVersion, version + 1,
                createdAt, now, deletedAt);
    }

    public Product withStock(int stock, long stockVersion, boolean changed, Instant now) {
        return new Product(id, sku, name, description, price, categoryId, attributes, images, stock, stockVersion,
                changed ? version + 1 : version, createdAt, changed ? now : updatedAt, deletedAt);
    }

    Product deletedAt(Instant now) {
        return new Product(id, sku, name, description, price, categoryId, attributes, images, stock, stockVersion, version + 1,
                createdAt, now, now);
    }
}
