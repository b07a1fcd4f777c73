package dev.eshop.platform.events.outbox;

import dev.eshop.platform.events.Event;
import dev.eshop.platform.events.EventJson;
import dev.eshop.platform.events.EventType;
import dev.eshop.platform.events.SqlDialect;
import dev.eshop.platform.web.Ids;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Where a service writes the events its changes cause. {@link #add(Event)} inserts a row in the
 * service's own {@code outbox} table inside the transaction of the change, so the change and its event
 * commit together or not at all; the {@link OutboxRelay} publishes the row after the commit.
 */
public class Outbox {

    private final JdbcClient jdbc;
    private final SqlDialect dialect;
    private final OutboxRelay relay;
    private final ObjectProvider<Tracer> tracer;
    private final String insert;

    public Outbox(JdbcClient jdbc, SqlDialect dialect, OutboxRelay relay, ObjectProvider<Tracer> tracer) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.relay = relay;
        this.tracer = tracer;
        this.insert = "INSERT INTO outbox (id, topic, message_key, ce_type, payload, created_at, traceparent) "
                + "VALUES (?, ?, ?, ?, " + dialect.jsonParameter() + ", ?, ?)";
    }

    /**
     * Records the event in the current transaction and returns its id (the future {@code ce_id}).
     *
     * @throws IllegalStateException when called outside a transaction
     */
    public UUID add(Event event) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("an event is written in the transaction of the change it describes; none is active");
        }
        EventType<?> type = EventType.of(event.getClass());
        UUID id = Ids.newId();
        jdbc.sql(insert)
                .params(dialect.uuid(id), type.topic(), event.subject().toString(), type.ceType(), EventJson.write(event),
                        Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MICROS)), traceparent())
                .update();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                relay.wake();
            }
        });
        return id;
    }

    /** The W3C trace context of the current span, so the trace continues when the event is consumed. */
    private String traceparent() {
        Tracer current = tracer.getIfAvailable();
        TraceContext context = current == null || current.currentSpan() == null ? null : current.currentSpan().context();
        if (context == null) {
            return null;
        }
        return "00-" + context.traceId() + "-" + context.spanId() + "-" + (Boolean.TRUE.equals(context.sampled()) ? "01" : "00");
    }
}
