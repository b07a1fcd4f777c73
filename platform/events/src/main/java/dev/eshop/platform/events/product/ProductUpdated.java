package dev.eshop.platform.events.product;

import dev.eshop.platform.events.Event;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.eshop.platform.events.EventFields.list;
import static dev.eshop.platform.events.EventFields.money;
import static dev.eshop.platform.events.EventFields.notNegative;
import static dev.eshop.platform.events.EventFields.required;

/** The full new state of a product after any change of a stored field; {@code version} grows by one each time. */
public record ProductUpdated(
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
        List<ProductImage> images,
        int stock,
        long version,
        Instant createdAt,
        Instant updatedAt) implements Event {

    public ProductUpdated {
        required(productId, "product_id");
        required(sku, "sku");
        required(name, "name");
        price = money(price, "price");
        required(categoryId, "category_id");
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        images = images == null ? List.of() : list(images, "images");
        notNegative(stock, "stock");
        required(createdAt, "created_at");
        required(updatedAt, "updated_at");
    }

    @Override
    public UUID subject() {
        return productId;
    }
}
