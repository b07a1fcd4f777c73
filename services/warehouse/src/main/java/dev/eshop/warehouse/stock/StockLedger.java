package dev.eshop.warehouse.stock;

import dev.eshop.platform.events.outbox.Outbox;
import dev.eshop.platform.events.product.ProductQuantityUpdated;
import dev.eshop.platform.events.product.StockChangeCause;
import dev.eshop.platform.web.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Every change of stock goes through here, inside the caller's transaction.
 * <p>
 * <b>Locking.</b> A change first locks the rows of the products it touches in {@code products}
 * ({@link #lockProducts}, in product id order), then their stock rows ({@link #lockStock}, in
 * (product id, warehouse id) order). The product row is the per-product mutex: two changes of one
 * product run one after the other, so an allocation computed on the locked rows stays true until
 * the commit, and the total published with each {@code stock_version} is the total at that version.
 * Everyone takes the locks in the same order, so there are no deadlocks. Units are taken with a
 * conditional {@code UPDATE … WHERE quantity >= ?}; the {@code CHECK (quantity >= 0)} is only the
 * last line of defence.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
public class StockLedger {

    private final JdbcClient jdbc;
    private final Outbox outbox;

    StockLedger(JdbcClient jdbc, Outbox outbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    /** A product as the warehouse knows it, locked for the rest of the transaction. */
    public record LockedProduct(UUID productId, String sku, String name, boolean deleted) {
    }

    /** One stock row with its warehouse, locked for the rest of the transaction. */
    public record LockedRow(UUID warehouseId, String warehouseName, String zipCode, boolean main, boolean warehouseDeleted,
                            UUID productId, int quantity) {
    }

    /** An entry to write into the ledger. */
    public record NewMovement(MovementType type, UUID productId, int quantity, UUID fromWarehouseId, UUID toWarehouseId,
                              UUID orderId, Actor actor, String note) {
    }

    /** Locks the known ones among these products, in product id order; unknown ids are absent from the answer. */
    public Map<UUID, LockedProduct> lockProducts(Collection<UUID> productIds) {
        Map<UUID, LockedProduct> locked = new LinkedHashMap<>();
        if (productIds.isEmpty()) {
            return locked;
        }
        jdbc.sql("SELECT product_id, sku, name, deleted FROM products WHERE product_id IN (:ids) ORDER BY product_id FOR UPDATE")
                .param("ids", List.copyOf(productIds))
                .query((rs, n) -> new LockedProduct(rs.getObject("product_id", UUID.class), rs.getString("sku"),
                        rs.getString("name"), rs.getBoolean("deleted")))
                .list()
                .forEach(product -> locked.put(product.productId(), product));
        return locked;
    }

    /** Locks every stock row of these products, in (product id, warehouse id) order. */
    public List<LockedRow> lockStock(Collection<UUID> productIds) {
        if (productIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT s.warehouse_id, w.name, w.zip_code, w.is_main, w.deleted_at IS NOT NULL AS warehouse_deleted,
                               s.product_id, s.quantity
                        FROM stock s JOIN warehouses w ON w.id = s.warehouse_id
                        WHERE s.product_id IN (:ids)
                        ORDER BY s.product_id, s.warehouse_id
                        FOR UPDATE OF s""")
                .param("ids", List.copyOf(productIds))
                .query((rs, n) -> new LockedRow(rs.getObject("warehouse_id", UUID.class), rs.getString("name"),
                        rs.getString("zip_code"), rs.getBoolean("is_main"), rs.getBoolean("warehouse_deleted"),
                        rs.getObject("product_id", UUID.class), rs.getInt("quantity")))
                .list();
    }

    /** A warehouse that is not deleted: its name, or empty. */
    public Optional<String> activeWarehouseName(UUID warehouseId) {
        return jdbc.sql("SELECT name FROM warehouses WHERE id = ? AND deleted_at IS NULL").param(warehouseId)
                .query(String.class).optional();
    }

    /** Adds units to a warehouse's row of a product, creating the row if needed. */
    public void add(UUID warehouseId, UUID productId, int quantity) {
        jdbc.sql("""
                        INSERT INTO stock (warehouse_id, product_id, quantity, updated_at) VALUES (?, ?, ?, ?)
                        ON CONFLICT (warehouse_id, product_id)
                        DO UPDATE SET quantity = stock.quantity + EXCLUDED.quantity, updated_at = EXCLUDED.updated_at""")
                .params(warehouseId, productId, quantity, now())
                .update();
    }

    /**
     * Takes units out of a warehouse's row; only ever called for units the caller saw on the locked
     * row, so it cannot fail unless that rule is broken, and then it refuses rather than go below zero.
     */
    public void take(UUID warehouseId, UUID productId, int quantity) {
        int updated = jdbc.sql("""
                        UPDATE stock SET quantity = quantity - :quantity, updated_at = :now
                        WHERE warehouse_id = :warehouse AND product_id = :product AND quantity >= :quantity""")
                .param("quantity", quantity).param("now", now()).param("warehouse", warehouseId).param("product", productId)
                .update();
        if (updated != 1) {
            throw new IllegalStateException("warehouse " + warehouseId + " does not hold " + quantity + " units of " + productId);
        }
    }

    /** Writes one ledger entry and returns its id. */
    public UUID record(NewMovement movement) {
        UUID id = Ids.newId();
        jdbc.sql("""
                        INSERT INTO stock_movements (id, type, product_id, quantity, from_warehouse_id, to_warehouse_id, order_id,
                                                     actor_id, actor_name, note, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, movement.type().name(), movement.productId(), movement.quantity(), movement.fromWarehouseId(),
                        movement.toWarehouseId(), movement.orderId(), movement.actor().id(), movement.actor().name(),
                        movement.note(), now())
                .update();
        return id;
    }

    /**
     * After a change of a (locked) product: {@code stock_version} + 1 and {@code product-quantity-updated}
     * with the new total, into the outbox of this transaction.
     */
    public void publishTotal(UUID productId, MovementType cause) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        long version = jdbc.sql("UPDATE products SET stock_version = stock_version + 1, updated_at = ? WHERE product_id = ? RETURNING stock_version")
                .params(Timestamp.from(now), productId).query(Long.class).single();
        int total = jdbc.sql("SELECT COALESCE(SUM(quantity), 0) FROM stock WHERE product_id = ?").param(productId)
                .query(Integer.class).single();
        outbox.add(new ProductQuantityUpdated(productId, total, StockChangeCause.valueOf(cause.name()), version, now));
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MICROS));
    }
}
