package dev.eshop.order.checkout;

import dev.eshop.platform.web.client.ServiceClients;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The product service's {@code POST /v1/products/lookup}: the authoritative names, categories, images and prices. */
@Component
class ProductCatalog {

    /** One product as product knows it now; {@code available} is false for a deleted one. */
    record Product(UUID id, String sku, String name, BigDecimal price, UUID categoryId, String categoryName, String thumbnailUrl,
                   int stock, boolean available) {
    }

    record Lookup(List<UUID> ids) {
    }

    record Found(List<Product> items, List<UUID> missing) {

        Found {
            items = items == null ? List.of() : items;
            missing = missing == null ? List.of() : missing;
        }
    }

    private final RestClient product;

    ProductCatalog(ServiceClients clients) {
        this.product = clients.create("product");
    }

    /** The products with these ids (known ones, deleted included), by id; unknown ids are absent. */
    Map<UUID, Product> lookup(List<UUID> ids) {
        Found found = product.post().uri("/v1/products/lookup")
                .attribute(ServiceClients.SAFE_TO_RETRY, true)
                .body(new Lookup(ids))
                .retrieve()
                .body(Found.class);
        Map<UUID, Product> byId = new HashMap<>();
        if (found != null) {
            found.items().forEach(item -> byId.put(item.id(), item));
        }
        return byId;
    }
}
