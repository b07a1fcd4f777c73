package dev.eshop.warehouse.catalog;

import dev.eshop.platform.events.IncomingEvent;
import dev.eshop.platform.events.inbox.EventHandler;
import dev.eshop.platform.events.product.ProductDeleted;
import org.springframework.stereotype.Component;

/**
 * {@code product-deleted} (events.md §3.3): the product can no longer be reserved and leaves the stock
 * lists (unless asked for). Its stock rows and ledger stay.
 */
@Component
class ProductRemoval implements EventHandler<ProductDeleted> {

    private final CatalogCopy catalog;

    ProductRemoval(CatalogCopy catalog) {
        this.catalog = catalog;
    }

    @Override
    public void handle(IncomingEvent<ProductDeleted> event) {
        ProductDeleted deleted = event.payload();
        catalog.markDeleted(deleted.productId(), deleted.sku(), deleted.version());
    }
}
