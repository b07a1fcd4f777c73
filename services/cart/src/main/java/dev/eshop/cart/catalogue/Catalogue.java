package dev.eshop.cart.catalogue;

import dev.eshop.cart.cache.ProductCache;
import dev.eshop.cart.cache.ProductCopy;
import org.springframework.stereotype.Service;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The product copies a cart reads its names, prices, images and stock from: Redis first ({@code MGET} of
 * {@code cart-product:*}), {@code cart_products} for what Redis does not have.
 */
@Service
public class Catalogue {

    private final ProductCache cache;
    private final CatalogueRepository products;

    Catalogue(ProductCache cache, CatalogueRepository products) {
        this.cache = cache;
        this.products = products;
    }

    /** The copies of these products that exist (deleted ones included); unknown ids are left out. */
    public Map<UUID, ProductCopy> find(Collection<UUID> productIds) {
        Map<UUID, ProductCopy> found = new HashMap<>(cache.find(productIds));
        Set<UUID> missing = new HashSet<>(productIds);
        missing.removeAll(found.keySet());
        for (ProductCopy product : products.findAll(missing)) {
            found.put(product.productId(), product);
            cache.fill(product);
        }
        return found;
    }
}
