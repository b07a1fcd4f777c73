package dev.eshop.cart.cart;

import dev.eshop.cart.cache.CartSnapshot;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code carts} and {@code cart_lines}: the durable copy of every cart. Every change of a cart first
 * locks (or creates) its {@code carts} row and counts the change there, so changes of one cart happen one
 * after the other and each gets a higher version.
 */
@Repository
class CartRepository {

    private static final RowMapper<CartSnapshot.Line> LINE = (rs, n) -> new CartSnapshot.Line(UUID.fromString(rs.getString("product_id")),
            rs.getInt("quantity"), rs.getString("note"), rs.getTimestamp("added_at").toInstant(), rs.getTimestamp("updated_at").toInstant());

    private static final String LINES = "SELECT product_id, quantity, note, added_at, updated_at FROM cart_lines WHERE user_id = ?";

    private record Header(long version, Instant updatedAt) {
    }

    private final JdbcClient jdbc;

    CartRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks the customer's cart for a change (creating its row) and counts the change: version + 1. */
    void lockForChange(UUID userId, Timestamp now) {
        jdbc.sql("INSERT INTO carts (user_id, version, updated_at) VALUES (?, 1, ?) ON DUPLICATE KEY UPDATE version = version + 1, updated_at = ?")
                .params(userId.toString(), now, now).update();
    }

    /** The cart as this transaction sees it (after its own changes). */
    CartSnapshot snapshot(UUID userId) {
        return snapshot(userId, "");
    }

    /**
     * The cart as committed, with a shared lock on its row: a change in progress is waited for, and a change
     * starting later gets a higher version than the one returned. For rebuilding the Redis copy.
     */
    CartSnapshot snapshotShared(UUID userId) {
        return snapshot(userId, " LOCK IN SHARE MODE");
    }

    private CartSnapshot snapshot(UUID userId, String lock) {
        Header header = jdbc.sql("SELECT version, updated_at FROM carts WHERE user_id = ?" + lock).param(userId.toString())
                .query((rs, n) -> new Header(rs.getLong(1), rs.getTimestamp(2).toInstant())).optional()
                .orElse(new Header(0, null));
        List<CartSnapshot.Line> lines = jdbc.sql(LINES + " ORDER BY added_at, product_id" + lock).param(userId.toString()).query(LINE).list();
        return new CartSnapshot(userId, header.version(), header.updatedAt(), lines);
    }

    Optional<CartSnapshot.Line> line(UUID userId, UUID productId) {
        return jdbc.sql(LINES + " AND product_id = ?").params(userId.toString(), productId.toString()).query(LINE).optional();
    }

    int lineCount(UUID userId) {
        return jdbc.sql("SELECT count(*) FROM cart_lines WHERE user_id = ?").param(userId.toString()).query(Integer.class).single();
    }

    void insertLine(UUID userId, UUID productId, int quantity, String note, Timestamp now) {
        jdbc.sql("INSERT INTO cart_lines (user_id, product_id, quantity, note, added_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(userId.toString(), productId.toString(), quantity, note, now, now).update();
    }

    void updateLine(UUID userId, UUID productId, int quantity, String note, Timestamp now) {
        jdbc.sql("UPDATE cart_lines SET quantity = ?, note = ?, updated_at = ? WHERE user_id = ? AND product_id = ?")
                .params(quantity, note, now, userId.toString(), productId.toString()).update();
    }

    int deleteLine(UUID userId, UUID productId) {
        return jdbc.sql("DELETE FROM cart_lines WHERE user_id = ? AND product_id = ?").params(userId.toString(), productId.toString()).update();
    }

    int deleteLines(UUID userId) {
        return jdbc.sql("DELETE FROM cart_lines WHERE user_id = ?").param(userId.toString()).update();
    }

    int deleteLines(UUID userId, Collection<UUID> productIds) {
        if (productIds.isEmpty()) {
            return 0;
        }
        return jdbc.sql("DELETE FROM cart_lines WHERE user_id = :user AND product_id IN (:products)")
                .param("user", userId.toString()).param("products", productIds.stream().map(UUID::toString).toList()).update();
    }

    /** The customers whose cart holds the product, in id order (the order their rows are locked in). */
    List<UUID> holders(UUID productId) {
        return jdbc.sql("SELECT DISTINCT user_id FROM cart_lines WHERE product_id = ? ORDER BY user_id").param(productId.toString())
                .query((rs, n) -> UUID.fromString(rs.getString(1))).list();
    }

    int deleteProduct(UUID productId) {
        return jdbc.sql("DELETE FROM cart_lines WHERE product_id = ?").param(productId.toString()).update();
    }

    long version(UUID userId) {
        return jdbc.sql("SELECT version FROM carts WHERE user_id = ?").param(userId.toString()).query(Long.class).single();
    }
}
