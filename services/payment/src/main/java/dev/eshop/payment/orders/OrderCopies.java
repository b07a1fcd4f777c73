package dev.eshop.payment.orders;

import dev.eshop.platform.events.order.OrderStatus;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static dev.eshop.payment.payments.Payments.instant;
import static dev.eshop.payment.payments.Payments.utc;

/**
 * {@code payment_orders}, written only by the order events. Each change first makes sure the row exists
 * ({@code INSERT … ON DUPLICATE KEY UPDATE} with no change, which takes the row's exclusive lock at once),
 * then reads it locked and decides in Java, so the two order topics (which may be handled concurrently
 * for one order) are applied one after the other and in either order.
 */
@Repository
public class OrderCopies {

    private static final String SELECT = "SELECT order_id, user_id, total, status, payment_due_at, version, updated_at FROM payment_orders";

    private static final RowMapper<OrderCopy> COPY = (rs, n) -> new OrderCopy(UUID.fromString(rs.getString("order_id")),
            UUID.fromString(rs.getString("user_id")), rs.getBigDecimal("total"), OrderStatus.valueOf(rs.getString("status")),
            instant(rs, "payment_due_at"), rs.getLong("version"), instant(rs, "updated_at"));

    private final JdbcClient jdbc;

    OrderCopies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<OrderCopy> find(UUID orderId) {
        return jdbc.sql(SELECT + " WHERE order_id = ?").param(orderId.toString()).query(COPY).optional();
    }

    /** The copy, its row locked until the transaction ends. */
    public Optional<OrderCopy> lock(UUID orderId) {
        return jdbc.sql(SELECT + " WHERE order_id = ? FOR UPDATE").param(orderId.toString()).query(COPY).optional();
    }

    /**
     * {@code order-created}: a new row (PENDING_PAYMENT, version 1); if a status change came first, only the
     * missing total and deadline are filled in and its newer status and version are kept.
     */
    OrderCopy created(UUID orderId, UUID userId, OrderStatus status, BigDecimal total, Instant paymentDueAt, Instant now) {
        OrderCopy current = ensure(orderId, userId, total, status, paymentDueAt, 1, now);
        if (current.total() == null || current.paymentDueAt() == null) {
            jdbc.sql("UPDATE payment_orders SET total = COALESCE(total, ?), payment_due_at = COALESCE(payment_due_at, ?), updated_at = ? "
                            + "WHERE order_id = ?")
                    .params(total, utc(paymentDueAt), utc(now), orderId.toString()).update();
            current = lock(orderId).orElseThrow();
        }
        return current;
    }

    /**
     * {@code order-status-updated}: the status if {@code version} is newer than the stored one; an order not
     * seen yet gets a row without total and deadline. Returns the copy as it is now.
     */
    OrderCopy statusChanged(UUID orderId, UUID userId, OrderStatus status, long version, Instant now) {
        OrderCopy current = ensure(orderId, userId, null, status, null, version, now);
        if (version > current.version()) {
            jdbc.sql("UPDATE payment_orders SET status = ?, version = ?, updated_at = ? WHERE order_id = ?")
                    .params(status.name(), version, utc(now), orderId.toString()).update();
            current = new OrderCopy(current.orderId(), current.userId(), current.total(), status, current.paymentDueAt(), version, now);
        }
        return current;
    }

    /** Inserts the row unless it exists; either way it is locked and returned as stored. */
    private OrderCopy ensure(UUID orderId, UUID userId, BigDecimal total, OrderStatus status, Instant paymentDueAt, long version,
                             Instant now) {
        jdbc.sql("""
                        INSERT INTO payment_orders (order_id, user_id, total, status, payment_due_at, version, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        ON DUPLICATE KEY UPDATE order_id = order_id""")
                .params(orderId.toString(), userId.toString(), total, status.name(), utc(paymentDueAt), version, utc(now))
                .update();
        return lock(orderId).orElseThrow();
    }
}
