package dev.eshop.platform.events.product;

import dev.eshop.platform.events.Event;

import java.time.Instant;
import java.util.UUID;

import static dev.eshop.platform.events.EventFields.required;

/** An admin deleted a product (soft delete): carts drop it, warehouses stop offering it. */
public record ProductDeleted(UUID productId, String sku, long version, Instant deletedAt) implements Event {

    public ProductDeleted {
        required(productId, "product_id");
        required(sku, "sku");
        required(deletedAt, "deleted_at");
    }

    @Override
    public UUID subject() {
        return productId;
    }
}
