package dev.eshop.cart.catalogue;

import dev.eshop.cart.cache.ProductCopy;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@code cart_products}: the cart's copy of the catalogue, written only by the product events. */
@Repository
public class CatalogueRepository {

    private static final String SELECT = "SELECT product_id, name, price, thumbnail_url, stock, deleted, version, updated_at FROM cart_products";

    private static final RowMapper<ProductCopy> PRODUCT = (rs, n) -> new ProductCopy(UUID.fromString(rs.getString("product_id")),
            rs.getString("name"), rs.getBigDecimal("price"), rs.getString("thumbnail_url"), rs.getInt("stock"), rs.getBoolean("deleted"),
            rs.getLong("version"), rs.getTimestamp("updated_at").toInstant());

    private final JdbcClient jdbc;

    CatalogueRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ProductCopy> find(UUID productId) {
        return jdbc.sql(SELECT + " WHERE product_id = ?").param(productId.toString()).query(PRODUCT).optional();
    }

    /**
     * The product, with a shared lock held until the caller's transaction ends: a product being added to a
     * cart cannot be deleted (and its lines removed) until the new line is committed, so the removal sees it.
     */
    public Optional<ProductCopy> findLocked(UUID productId) {
        return jdbc.sql(SELECT + " WHERE product_id = ? LOCK IN SHARE MODE").param(productId.toString()).query(PRODUCT).optional();
    }

    public List<ProductCopy> findAll(Collection<UUID> productIds) {
        if (productIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " WHERE product_id IN (:ids)").param("ids", productIds.stream().map(UUID::toString).toList())
                .query(PRODUCT).list();
    }

    /** The stored product, locked for an update. */
    Optional<ProductCopy> lock(UUID productId) {
        return jdbc.sql(SELECT + " WHERE product_id = ? FOR UPDATE").param(productId.toString()).query(PRODUCT).optional();
    }

    void insert(ProductCopy product) {
        jdbc.sql("""
                        INSERT INTO cart_products (product_id, name, price, thumbnail_url, stock, deleted, version, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(product.productId().toString(), product.name(), product.price(), product.thumbnailUrl(), product.stock(),
                        product.deleted(), product.version(), Timestamp.from(product.updatedAt()))
                .update();
    }

    /** Name, price, thumbnail, stock and version; never un-deletes. */
    void update(ProductCopy product) {
        jdbc.sql("UPDATE cart_products SET name = ?, price = ?, thumbnail_url = ?, stock = ?, version = ?, updated_at = ? WHERE product_id = ?")
                .params(product.name(), product.price(), product.thumbnailUrl(), product.stock(), product.version(),
                        Timestamp.from(product.updatedAt()), product.productId().toString())
                .update();
    }

    void markDeleted(UUID productId, long version, Timestamp now) {
        jdbc.sql("UPDATE cart_products SET deleted = true, version = GREATEST(version, ?), updated_at = ? WHERE product_id = ?")
                .params(version, now, productId.toString()).update();
    }
}
