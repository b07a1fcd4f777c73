package dev.eshop.order.deadline;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Orders whose payment window (and grace) is over while they still wait for a proof. */
@Repository
class DueOrders {

    private final JdbcClient jdbc;

    DueOrders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Locks up to {@code limit} due orders, oldest deadline first, for the rest of the current
     * transaction. Rows another transaction holds are skipped ({@code SKIP LOCKED}): two replicas
     * each take their own orders, never the same one.
     */
    List<UUID> claim(Instant cutoff, int limit) {
        return jdbc.sql("""
                        SELECT id FROM orders
                        WHERE status = 'PENDING_PAYMENT' AND payment_due_at <= ?
                        ORDER BY payment_due_at, id
                        LIMIT ? FOR UPDATE SKIP LOCKED""")
                .params(Timestamp.from(cutoff), limit)
                .query(UUID.class).list();
    }
}
