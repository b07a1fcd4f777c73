package dev.eshop.warehouse.catalog;

import dev.eshop.platform.events.IncomingEvent;
import dev.eshop.platform.events.inbox.EventHandler;
import dev.eshop.platform.events.product.ProductCreated;
import dev.eshop.warehouse.stock.Actor;
import dev.eshop.warehouse.stock.MovementType;
import dev.eshop.warehouse.stock.StockLedger;
import dev.eshop.warehouse.stock.StockLedger.NewMovement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code product-created} (events.md §3.1): the product joins the local catalogue and its initial
 * quantity goes into the main warehouse, or waits for the first warehouse when there is none yet.
 * A second delivery of the event (even with another {@code ce_id}) changes nothing.
 */
@Component
public class InitialStock implements EventHandler<ProductCreated> {

    /**
     * Advisory lock key of "the set of warehouses": taken exclusively while warehouses are created or
     * change their main flag, shared while an initial quantity looks for the main warehouse, so a
     * quantity is never parked for a first warehouse that is being created at the same moment.
     */
    public static final long WAREHOUSE_SET_LOCK = 0x5741_5245_484f_5553L;

    private static final Logger log = LoggerFactory.getLogger(InitialStock.class);

    private final CatalogCopy catalog;
    private final StockLedger ledger;
    private final JdbcClient jdbc;

    InitialStock(CatalogCopy catalog, StockLedger ledger, JdbcClient jdbc) {
        this.catalog = catalog;
        this.ledger = ledger;
        this.jdbc = jdbc;
    }

    @Override
    public void handle(IncomingEvent<ProductCreated> event) {
        ProductCreated created = event.payload();
        UUID productId = created.productId();
        jdbc.sql("SELECT true FROM pg_advisory_xact_lock_shared(?)").param(WAREHOUSE_SET_LOCK).query(Boolean.class).single();
        catalog.upsert(productId, created.sku(), created.name(), created.version());
        ledger.lockProducts(List.of(productId));
        if (!catalog.receiveInitial(productId)) {
            log.info("product-created {} for product {} was applied before; nothing to do", event.id(), productId);
            return;
        }
        Optional<UUID> main = jdbc.sql("SELECT id FROM warehouses WHERE is_main AND deleted_at IS NULL").query(UUID.class).optional();
        if (main.isEmpty()) {
            catalog.parkInitial(productId, created.initialQuantity());
            log.info("no warehouse yet: {} units of product {} wait for the first one", created.initialQuantity(), productId);
            return;
        }
        place(productId, created.initialQuantity(), main.get());
    }

    /** Places every parked initial quantity into the (new, first) warehouse; in the caller's transaction. */
    public void placePending(UUID warehouseId) {
        List<UUID> waiting = jdbc.sql("SELECT product_id FROM products WHERE pending_initial_quantity > 0 ORDER BY product_id")
                .query(UUID.class).list();
        ledger.lockProducts(waiting);
        for (UUID productId : waiting) {
            int quantity = jdbc.sql("SELECT pending_initial_quantity FROM products WHERE product_id = ?")
                    .param(productId).query(Integer.class).single();
            jdbc.sql("UPDATE products SET pending_initial_quantity = 0 WHERE product_id = ?").param(productId).update();
            place(productId, quantity, warehouseId);
        }
    }

    private void place(UUID productId, int quantity, UUID warehouseId) {
        if (quantity > 0) {
            ledger.add(warehouseId, productId, quantity);
            ledger.record(new NewMovement(MovementType.INITIAL, productId, quantity, null, warehouseId, null, Actor.SYSTEM, null));
        }
        ledger.publishTotal(productId, MovementType.INITIAL);
    }
}
