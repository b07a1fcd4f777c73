package dev.eshop.order.checkout;

import dev.eshop.platform.web.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code checkout_attempts}: a checkout between "order id chosen" and "order saved". The row is what
 * lets a retry with the same Idempotency-Key reuse the order id (and so get the same reservation
 * back from warehouse), and what the sweeper releases when the checkout never finished.
 */
@Repository
class CheckoutAttempts {

    record Attempt(UUID orderId, UUID userId, String idempotencyKey, Instant createdAt) {
    }

    private final JdbcClient jdbc;

    CheckoutAttempts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Spec §4.4 step 4, in one statement (committed at once, outside any transaction): a new attempt
     * with a new order id, or, when this user already has one with this key (an earlier try whose answer
     * was lost, or a concurrent twin, which waits here for the first to commit), that attempt with its
     * {@code created_at} set to now. Returns the order id to reserve for.
     */
    UUID claim(UUID userId, String idempotencyKey) {
        return jdbc.sql("""
                        INSERT INTO checkout_attempts (order_id, user_id, idempotency_key, created_at) VALUES (?, ?, ?, ?)
                        ON CONFLICT (user_id, idempotency_key) DO UPDATE SET created_at = EXCLUDED.created_at
                        RETURNING order_id""")
                .params(Ids.newId(), userId, idempotencyKey, Timestamp.from(Instant.now()))
                .query(UUID.class).single();
    }

    /** Deletes the attempt; false when it was not there (any more). */
    boolean delete(UUID orderId) {
        return jdbc.sql("DELETE FROM checkout_attempts WHERE order_id = ?").param(orderId).update() == 1;
    }

    /**
     * The oldest attempt older than the cutoff, locked until the end of the current transaction;
     * attempts another transaction holds (a checkout saving its order, another sweeper) are skipped.
     */
    Optional<Attempt> lockOldestBefore(Instant cutoff) {
        return jdbc.sql("""
                        SELECT order_id, user_id, idempotency_key, created_at FROM checkout_attempts
                        WHERE created_at < ? ORDER BY created_at, order_id LIMIT 1 FOR UPDATE SKIP LOCKED""")
                .param(Timestamp.from(cutoff))
                .query((rs, n) -> new Attempt(rs.getObject("order_id", UUID.class), rs.getObject("user_id", UUID.class),
                        rs.getString("idempotency_key"), rs.getTimestamp("created_at").toInstant()))
                .optional();
    }
}
