package dev.eshop.storefront.catalogue;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A product's page (services.md §2.3): the summary plus description, attributes, gallery and category path. */
public record ProductDetail(UUID id, String sku, String name, BigDecimal price, String brand, Integer year, int stock,
                            String description, Map<String, Object> attributes, List<Image> images, CategoryRef category) {

    public ProductDetail {
        description = description == null ? "" : description;
        attributes = attributes == null ? Map.of() : attributes;
        images = images == null ? List.of() : images.stream().sorted(Comparator.comparingInt(Image::position)).toList();
    }

    public record Image(UUID id, String url, String thumbnailUrl, boolean main, int position) {
    }

    public record CategoryRef(UUID id, String name, String slug, CategoryRef parent) {
    }
}
