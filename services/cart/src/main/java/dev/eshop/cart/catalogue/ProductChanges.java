package dev.eshop.cart.catalogue;

import dev.eshop.cart.cache.ProductCache;
import dev.eshop.cart.cache.ProductCopy;
import dev.eshop.platform.events.IncomingEvent;
import dev.eshop.platform.events.inbox.EventHandler;
import dev.eshop.platform.events.product.ProductUpdated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * {@code product-updated} (events.md §3.2): name, price, thumbnail and stock of the local copy follow the
 * product if the event's version is newer than the copy's; then {@code cart-product:{id}} is set in Redis.
 * Cart lines are not touched: every cart holding the product reads the copy, so all of them show the
 * change on their next read. An event that is not newer (a redelivery under another id, a replay) changes
 * nothing.
 */
@Component
class ProductChanges implements EventHandler<ProductUpdated> {

    private static final Logger log = LoggerFactory.getLogger(ProductChanges.class);

    private final CatalogueRepository products;
    private final ProductCache cache;

    ProductChanges(CatalogueRepository products, ProductCache cache) {
        this.products = products;
        this.cache = cache;
    }

    @Override
    public void handle(IncomingEvent<ProductUpdated> event) {
        ProductUpdated updated = event.payload();
        Optional<ProductCopy> stored = products.lock(updated.productId());
        if (stored.isPresent() && stored.get().version() >= updated.version()) {
            log.info("product-updated {} for product {} at version {} is not newer than the copy (version {}); ignored",
                    event.id(), updated.productId(), updated.version(), stored.get().version());
            return;
        }
        ProductCopy copy = new ProductCopy(updated.productId(), updated.name(), updated.price(), updated.thumbnailUrl(),
                updated.stock(), stored.map(ProductCopy::deleted).orElse(false), updated.version(),
                Instant.now().truncatedTo(ChronoUnit.MICROS));
        if (stored.isEmpty()) {
            products.insert(copy);
        }
        else {
            products.update(copy);
        }
        AfterCommit.run(() -> cache.store(copy));
    }
}
