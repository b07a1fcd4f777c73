package dev.eshop.cart.catalogue;

import dev.eshop.cart.cache.CartCache;
import dev.eshop.cart.cache.ProductCache;
import dev.eshop.cart.cache.ProductCopy;
import dev.eshop.cart.catalogue.ProductWithdrawal.ChangedCart;
import dev.eshop.platform.events.IncomingEvent;
import dev.eshop.platform.events.inbox.EventHandler;
import dev.eshop.platform.events.product.ProductDeleted;
import dev.eshop.platform.web.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * {@code product-deleted} (events.md §3.3): the local copy is marked deleted (for good: a later or replayed
 * {@code product-updated} does not bring it back), its line is deleted from every cart in MySQL, and after
 * the commit the {@code cart-product} key is updated and the affected customers' Redis carts are evicted
 * (failures go to {@code cache_eviction}). A product never seen before is recorded as deleted too, so an
 * older {@code product-updated} arriving later cannot make it addable.
 */
@Component
class ProductRemoval implements EventHandler<ProductDeleted> {

    private static final Logger log = LoggerFactory.getLogger(ProductRemoval.class);

    private final CatalogueRepository products;
    private final ProductWithdrawal carts;
    private final ProductCache productCache;
    private final CartCache cartCache;

    ProductRemoval(CatalogueRepository products, ProductWithdrawal carts, ProductCache productCache, CartCache cartCache) {
        this.products = products;
        this.carts = carts;
        this.productCache = productCache;
        this.cartCache = cartCache;
    }

    @Override
    public void handle(IncomingEvent<ProductDeleted> event) {
        ProductDeleted deleted = event.payload();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (products.lock(deleted.productId()).isPresent()) {
            products.markDeleted(deleted.productId(), deleted.version(), Timestamp.from(now));
        }
        else {
            products.insert(new ProductCopy(deleted.productId(), deleted.sku(), Money.ZERO, null, 0, true, deleted.version(), now));
        }
        List<ChangedCart> changed = carts.removeFromEveryCart(deleted.productId());
        ProductCopy copy = products.find(deleted.productId()).orElseThrow();
        if (!changed.isEmpty()) {
            log.info("Product {} was deleted: removed from {} carts", deleted.productId(), changed.size());
        }
        AfterCommit.run(() -> {
            changed.forEach(cart -> cartCache.invalidate(cart.userId(), cart.version()));
            productCache.store(copy);
        });
    }
}
