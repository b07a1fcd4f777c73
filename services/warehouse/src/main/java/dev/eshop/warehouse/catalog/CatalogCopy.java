package dev.eshop.warehouse.catalog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * The warehouse's copy of the catalogue ({@code products}): SKU and name for display, whether the
 * product is deleted, and the last product version applied (events.md §1.4: an event whose version is
 * not newer than the stored one changes nothing).
 */
@Repository
class CatalogCopy {

    private final JdbcClient jdbc;

    CatalogCopy(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the product, or updates SKU and name when {@code version} is newer; true when anything changed. */
    boolean upsert(UUID productId, String sku, String name, long version) {
        return jdbc.sql("""
                        INSERT INTO products (product_id, sku, name, version, updated_at) VALUES (:id, :sku, :name, :version, :now)
                        ON CONFLICT (product_id) DO UPDATE SET sku = EXCLUDED.sku, name = EXCLUDED.name,
                                                               version = EXCLUDED.version, updated_at = EXCLUDED.updated_at
                        WHERE products.version < EXCLUDED.version""")
                .param("id", productId).param("sku", sku).param("name", name).param("version", version)
                .param("now", Timestamp.from(Instant.now()))
                .update() == 1;
    }

    /** Marks the product deleted (creating the row if no other event came first); a deletion is final. */
    void markDeleted(UUID productId, String sku, long version) {
        jdbc.sql("""
                        INSERT INTO products (product_id, sku, name, deleted, version, updated_at)
                        VALUES (:id, :sku, :sku, true, :version, :now)
                        ON CONFLICT (product_id) DO UPDATE SET deleted = true, version = GREATEST(products.version, EXCLUDED.version),
                                                               updated_at = EXCLUDED.updated_at""")
                .param("id", productId).param("sku", sku).param("version", version).param("now", Timestamp.from(Instant.now()))
                .update();
    }

    /** Marks the product's {@code product-created} as applied; false when it already was (a repeated event). */
    boolean receiveInitial(UUID productId) {
        return jdbc.sql("UPDATE products SET initial_received = true WHERE product_id = ? AND NOT initial_received")
                .param(productId).update() == 1;
    }

    void parkInitial(UUID productId, int quantity) {
        jdbc.sql("UPDATE products SET pending_initial_quantity = pending_initial_quantity + ? WHERE product_id = ?")
                .params(quantity, productId).update();
    }
}
