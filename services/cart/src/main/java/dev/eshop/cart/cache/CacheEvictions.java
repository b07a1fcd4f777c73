package dev.eshop.cart.cache;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Redis entries that may be stale because updating and then deleting them failed: carts in
 * {@code cache_eviction}, product copies in {@code product_cache_eviction}. The {@link CacheEvictionJob}
 * deletes them from Redis later; until then readers do not trust them (see {@link #cartsPending()}).
 * <p>
 * Each replica keeps a flag per table: set when it records an eviction itself, refreshed by every run
 * of the job, and set at start-up. While it is down, reads skip the table; while it is up, a read checks
 * whether the cart it is about to serve from Redis waits for eviction. So a Redis that comes back with
 * old data (restarted from its persistence file, or a partition healed) never serves it.
 */
@Repository
public class CacheEvictions {

    private static final Logger log = LoggerFactory.getLogger(CacheEvictions.class);

    /** A row to evict and the time it was (last) recorded, so deleting it does not lose a newer failure. */
    public record Pending(UUID id, Instant createdAt) {
    }

    private enum Table {
        CARTS("cache_eviction", "user_id"), PRODUCTS("product_cache_eviction", "product_id");

        final String name;
        final String key;

        Table(String name, String key) {
            this.name = name;
            this.key = key;
        }
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate newTransaction;
    private volatile boolean cartsPending = true;
    private volatile boolean productsPending = true;

    CacheEvictions(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Whether some cart may wait for eviction (this replica's knowledge, at most one job interval old). */
    public boolean cartsPending() {
        return cartsPending;
    }

    public boolean productsPending() {
        return productsPending;
    }

    /** Records that the user's Redis cart may be stale; in a transaction of its own (the change it follows is committed). */
    public void recordCart(UUID userId) {
        record(Table.CARTS, userId);
    }

    public void recordProduct(UUID productId) {
        record(Table.PRODUCTS, productId);
    }

    private void record(Table table, UUID id) {
        if (table == Table.CARTS) {
            cartsPending = true;
        }
        else {
            productsPending = true;
        }
        Timestamp now = now();
        try {
            newTransaction.executeWithoutResult(status -> jdbc.sql("INSERT INTO " + table.name + " (" + table.key
                            + ", created_at) VALUES (?, ?) ON DUPLICATE KEY UPDATE created_at = ?")
                    .params(id.toString(), now, now).update());
            log.info("Redis entry of {} {} could not be updated nor deleted; it is evicted later", table.key, id);
        }
        catch (RuntimeException e) {
            // MySQL and Redis both failing: nothing more can be done for this entry (its TTL ends it eventually).
            log.error("Could not record that the Redis entry of {} {} is stale", table.key, id, e);
        }
    }

    /** The user's pending eviction, if there is one. */
    public Optional<Pending> pendingCart(UUID userId) {
        return jdbc.sql("SELECT user_id, created_at FROM cache_eviction WHERE user_id = ?").param(userId.toString())
                .query((rs, n) -> new Pending(UUID.fromString(rs.getString(1)), rs.getTimestamp(2).toInstant())).optional();
    }

    /** Forgets a handled eviction, unless it was recorded again meanwhile. */
    public void forgetCart(Pending pending) {
        forget(Table.CARTS, List.of(pending));
    }

    /**
     * Takes up to {@code limit} pending evictions of carts, locked ({@code FOR UPDATE SKIP LOCKED}, so replicas
     * share the work), for the caller's transaction to evict and forget.
     */
    List<Pending> lockCarts(int limit) {
        return lock(Table.CARTS, limit);
    }

    List<Pending> lockProducts(int limit) {
        return lock(Table.PRODUCTS, limit);
    }

    void forgetCarts(List<Pending> done) {
        forget(Table.CARTS, done);
    }

    void forgetProducts(List<Pending> done) {
        forget(Table.PRODUCTS, done);
    }

    /** Refreshes the flags from the tables. */
    void refresh() {
        cartsPending = any(Table.CARTS);
        productsPending = any(Table.PRODUCTS);
    }

    private List<Pending> lock(Table table, int limit) {
        return jdbc.sql("SELECT " + table.key + ", created_at FROM " + table.name + " ORDER BY created_at LIMIT ? FOR UPDATE SKIP LOCKED")
                .param(limit)
                .query((rs, n) -> new Pending(UUID.fromString(rs.getString(1)), rs.getTimestamp(2).toInstant())).list();
    }

    private void forget(Table table, List<Pending> done) {
        for (Pending pending : done) {
            jdbc.sql("DELETE FROM " + table.name + " WHERE " + table.key + " = ? AND created_at = ?")
                    .params(pending.id().toString(), Timestamp.from(pending.createdAt())).update();
        }
    }

    private boolean any(Table table) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM " + table.name + ")").query(Boolean.class).single();
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MICROS));
    }
}
