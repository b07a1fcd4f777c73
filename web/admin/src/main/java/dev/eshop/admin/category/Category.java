package dev.eshop.admin.category;

import java.util.List;
import java.util.UUID;

/**
 * A category of the two-level tree (services.md §2.3): a top category (Cars, Motorcycles) with its
 * children; {@code product_count} counts live products, a top one's including its children's.
 */
public record Category(UUID id, String name, String slug, UUID parentId, int position, long productCount, List<Category> children) {

    public Category {
        children = children == null ? List.of() : children;
    }

    /** Why it cannot be deleted, or null when it can: only a category without sub-categories and products. */
    public String whyNotDeletable() {
        if (!children.isEmpty()) {
            return "Has sub-categories.";
        }
        if (productCount > 0) {
            return productCount == 1 ? "Has 1 product." : "Has " + productCount + " products.";
        }
        return null;
    }

    /** What "Delete" asks, in the dialog and on the confirmation page. */
    public String deleteQuestion() {
        return "Delete the category " + name + "?";
    }

    /** Whether this is the category with that id (the row whose change was refused). */
    public boolean is(UUID other) {
        return id.equals(other);
    }
}
