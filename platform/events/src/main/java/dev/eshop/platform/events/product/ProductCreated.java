package dev.eshop.platform.events.product;

import dev.eshop.platform.events.Event;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static dev.eshop.platform.events.EventFields.money;
import static dev.eshop.platform.events.EventFields.notNegative;
import static dev.eshop.platform.events.EventFields.required;

/** An admin created a product; warehouse places {@code initialQuantity} in the main warehouse. */
public record ProductCreated(
        UUID productId,
        String sku,
        String name,
        String description,
        BigDecimal price,
        UUID categoryId,
        String categoryName,
        Map<String, Object> attributes,
        String mainImageUrl,
        String thumbnailUrl,
        int initialQuantity,
        long version,
        Instant createdAt) implements Event {

    public ProductCreated {
        required(productId, "product_id");
        required(sku, "sku");
        required(name, "name");
        price = money(price, "price");
        required(categoryId, "category_id");
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        notNegative(initialQuantity, "initial_quantity");
        required(createdAt, "created_at");
    }

    @Override
    public UUID subject() {
        return productId;
    }
}
