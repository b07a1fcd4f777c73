package dev.eshop.platform.events.inbox;

import dev.eshop.platform.events.IncomingEvent;
import dev.eshop.platform.events.SqlDialect;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.Timestamp;
import java.time.Instant;

/**
 * The consumer's record of handled events ({@code processed_event}). Written in the same transaction
 * as the handler's effect, so an event redelivered after a commit is recognised and skipped, and one
 * whose handling rolled back is handled again.
 */
public class Inbox {

    private final JdbcClient jdbc;
    private final SqlDialect dialect;

    public Inbox(JdbcClient jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    /** Records the event; true the first time, false for a duplicate. */
    public boolean firstDelivery(IncomingEvent<?> event) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("the inbox is written in the transaction of the handler's effect; none is active");
        }
        return jdbc.sql(dialect.insertProcessedEvent())
                .params(dialect.uuid(event.id()), event.type().topic(), Timestamp.from(Instant.now()))
                .update() == 1;
    }

    /** Forgets events processed before the cutoff; returns how many. */
    public int deleteProcessedBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM processed_event WHERE processed_at < ?").param(Timestamp.from(cutoff)).update();
    }
}
