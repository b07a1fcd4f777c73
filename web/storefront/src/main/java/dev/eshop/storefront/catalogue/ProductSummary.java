package dev.eshop.storefront.catalogue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A product in a list: what a product card shows. */
public record ProductSummary(UUID id, String name, BigDecimal price, String categoryName, String brand, Integer year,
                             String thumbnailUrl, int stock, Instant createdAt) {

    /** "Mazda · 2024", leaving out what is missing. */
    public String brandAndYear() {
        if (brand == null || brand.isBlank()) {
            return year == null ? "" : year.toString();
        }
        return year == null ? brand : brand + " · " + year;
    }
}
