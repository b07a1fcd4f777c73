package dev.eshop.warehouse.catalog;

import dev.eshop.platform.events.IncomingEvent;
import dev.eshop.platform.events.inbox.EventHandler;
import dev.eshop.platform.events.product.ProductUpdated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** {@code product-updated} (events.md §3.2): SKU and name follow the product, if the event's version is newer. */
@Component
class ProductChanges implements EventHandler<ProductUpdated> {

    private static final Logger log = LoggerFactory.getLogger(ProductChanges.class);

    private final CatalogCopy catalog;

    ProductChanges(CatalogCopy catalog) {
        this.catalog = catalog;
    }

    @Override
    public void handle(IncomingEvent<ProductUpdated> event) {
        ProductUpdated updated = event.payload();
        if (!catalog.upsert(updated.productId(), updated.sku(), updated.name(), updated.version())) {
            log.info("product-updated {} for product {} at version {} is not newer than the copy; ignored",
                    event.id(), updated.productId(), updated.version());
        }
    }
}
