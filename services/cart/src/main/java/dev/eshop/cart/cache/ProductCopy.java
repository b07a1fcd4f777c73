package dev.eshop.cart.cache;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * The cart's copy of one product, from the product events: a row of {@code cart_products}, and the JSON
 * value of its Redis key {@code cart-product:{product_id}}.
 *
 * @param thumbnailUrl the main image's thumbnail; null when the product has no image
 * @param stock        the displayed stock
 * @param version      the last product version applied (events.md §1.4)
 */
public record ProductCopy(UUID productId, String name, BigDecimal price, String thumbnailUrl, int stock, boolean deleted,
                          long version, Instant updatedAt) {
}
