package dev.eshop.admin.category;

import dev.eshop.platform.webapp.client.ServiceClients;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/** The category tree at the product service. */
@Component
public class Categories {

    private static final ParameterizedTypeReference<List<Category>> TREE = new ParameterizedTypeReference<>() {
    };

    private final RestClient product;

    Categories(ServiceClients clients) {
        this.product = clients.create("product");
    }

    /** The top categories with their children, by position then name. */
    public List<Category> tree() {
        List<Category> tree = product.get().uri("/v1/categories").retrieve().body(TREE);
        return tree == null ? List.of() : tree;
    }

    /** A category anywhere in the tree. */
    public static Optional<Category> find(List<Category> tree, UUID id) {
        return tree.stream().flatMap(top -> Stream.concat(Stream.of(top), top.children().stream()))
                .filter(category -> category.id().equals(id)).findFirst();
    }

    public Category create(Change change) {
        return product.post().uri("/v1/categories").body(change).retrieve().body(Category.class);
    }

    public Category update(UUID id, Change change) {
        return product.put().uri("/v1/categories/{id}", id).body(change).retrieve().body(Category.class);
    }

    /** Refused (409) while it has sub-categories or products, deleted ones included. */
    public void delete(UUID id) {
        product.delete().uri("/v1/categories/{id}", id).retrieve().toBodilessEntity();
    }

    /** A category's name, slug (derived from the name when null), parent (null: top level) and position. */
    public record Change(String name, String slug, UUID parentId, Integer position) {
    }
}
