package dev.eshop.product.category;

import java.util.List;
import java.util.UUID;

/** The Category resource: a top category carries its children; {@code product_count} counts live products (a top one's include its children's). */
public record CategoryView(UUID id, String name, String slug, UUID parentId, int position, long productCount,
                           List<CategoryView> children) {
}
