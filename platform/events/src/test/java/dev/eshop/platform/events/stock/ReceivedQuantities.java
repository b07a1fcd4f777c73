package dev.eshop.platform.events.stock;

import dev.eshop.platform.events.IncomingEvent;
import dev.eshop.platform.events.SqlDialect;
import dev.eshop.platform.events.inbox.EventHandler;
import dev.eshop.platform.events.product.ProductQuantityUpdated;
import io.micrometer.tracing.Tracer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Consumes product-quantity-updated into {@code received_quantity}; products in {@link #failing} always fail. */
@Component
public class ReceivedQuantities implements EventHandler<ProductQuantityUpdated> {

    private final JdbcClient jdbc;
    private final SqlDialect dialect;
    private final Set<UUID> failing = ConcurrentHashMap.newKeySet();
    private final Map<UUID, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Map<UUID, String> traceIds = new ConcurrentHashMap<>();
    private final Tracer tracer;

    ReceivedQuantities(JdbcClient jdbc, SqlDialect dialect, Tracer tracer) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.tracer = tracer;
    }

    @Override
    public void handle(IncomingEvent<ProductQuantityUpdated> event) {
        ProductQuantityUpdated payload = event.payload();
        calls.computeIfAbsent(payload.productId(), id -> new AtomicInteger()).incrementAndGet();
        if (tracer.currentSpan() != null) {
            traceIds.put(payload.productId(), tracer.currentSpan().context().traceId());
        }
        jdbc.sql("INSERT INTO received_quantity (event_id, product_id, stock_version, quantity) VALUES (?, ?, ?, ?)")
                .params(dialect.uuid(event.id()), dialect.uuid(payload.productId()), payload.stockVersion(), payload.quantity())
                .update();
        if (failing.contains(payload.productId())) {
            throw new IllegalStateException("product " + payload.productId() + " cannot be recorded");
        }
    }

    public void failFor(UUID productId) {
        failing.add(productId);
    }

    public void recover(UUID productId) {
        failing.remove(productId);
    }

    public int calls(UUID productId) {
        AtomicInteger count = calls.get(productId);
        return count == null ? 0 : count.get();
    }

    /** The trace the handler ran in for the product's last event. */
    public String traceId(UUID productId) {
        return traceIds.get(productId);
    }

    public int received(UUID productId) {
        return jdbc.sql("SELECT count(*) FROM received_quantity WHERE product_id = ?").param(dialect.uuid(productId))
                .query(Integer.class).single();
    }

    public int receivedTotal() {
        return jdbc.sql("SELECT count(*) FROM received_quantity").query(Integer.class).single();
    }
}
