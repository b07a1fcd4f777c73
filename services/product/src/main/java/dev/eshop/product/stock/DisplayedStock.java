package dev.eshop.product.stock;

import dev.eshop.platform.events.IncomingEvent;
import dev.eshop.platform.events.inbox.EventHandler;
import dev.eshop.platform.events.product.ProductQuantityUpdated;
import dev.eshop.product.catalogue.Catalogue;
import dev.eshop.product.catalogue.Product;
import dev.eshop.product.catalogue.ProductEvents;
import dev.eshop.product.catalogue.ProductStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Warehouse's totals become the displayed stock (events.md §3.4): an event whose {@code stock_version}
 * is not above the stored one is ignored; otherwise the version is stored and, if the quantity differs,
 * the stock is set, the product version bumped and {@code product-updated} written, in one write.
 * A deleted product keeps its stock quietly (no event: it is hidden from the shop and consumers).
 */
@Component
class DisplayedStock implements EventHandler<ProductQuantityUpdated> {

    private static final Logger log = LoggerFactory.getLogger(DisplayedStock.class);

    private final ProductStore store;
    private final ProductEvents events;

    DisplayedStock(ProductStore store, ProductEvents events) {
        this.store = store;
        this.events = events;
    }

    @Override
    public void handle(IncomingEvent<ProductQuantityUpdated> event) {
        ProductQuantityUpdated update = event.payload();
        for (int attempt = 1; attempt <= 5; attempt++) {
            Optional<Product> found = store.find(update.productId());
            if (found.isEmpty()) {
                log.info("Stock of unknown product {} ignored (event {})", update.productId(), event.id());
                return;
            }
            Product current = found.get();
            if (update.stockVersion() <= current.stockVersion()) {
                log.info("Stale stock_version {} (have {}) for product {} ignored", update.stockVersion(), current.stockVersion(),
                        current.id());
                return;
            }
            boolean changed = update.quantity() != current.stock() && !current.deleted();
            Product next = current.withStock(update.quantity(), update.stockVersion(), changed, Catalogue.now());
            if (store.update(next, current.version(), changed ? events.updated(next) : null)) {
                return;
            }
        }
        throw new IllegalStateException("product " + update.productId() + " kept changing while its stock was set; retrying later");
    }
}
