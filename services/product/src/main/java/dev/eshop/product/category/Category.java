package dev.eshop.product.category;

import java.time.Instant;
import java.util.UUID;

/** A node of the two-level tree: a top category ({@code parentId} null, e.g. Cars) or one of its children (e.g. SUV). */
public record Category(UUID id, String name, String slug, UUID parentId, int position, Instant createdAt, Instant updatedAt) {

    public boolean top() {
        return parentId == null;
    }
}
