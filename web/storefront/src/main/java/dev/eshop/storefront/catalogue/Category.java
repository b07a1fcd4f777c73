package dev.eshop.storefront.catalogue;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A category of product's tree (services.md §2.3); {@code product_count} of a top one includes its children's. */
public record Category(UUID id, String name, String slug, UUID parentId, int position, long productCount, List<Category> children) {

    public Category {
        children = children == null ? List.of() : children;
    }

    public boolean isTop() {
        return parentId == null;
    }

    /** This category or one of its children, by slug. */
    public Optional<Category> find(String wanted) {
        if (slug.equals(wanted)) {
            return Optional.of(this);
        }
        return children.stream().filter(child -> child.slug().equals(wanted)).findFirst();
    }
}
