package dev.eshop.platform.events.stock;

import dev.eshop.platform.events.SqlDialect;
import dev.eshop.platform.events.outbox.Outbox;
import dev.eshop.platform.events.product.ProductQuantityUpdated;
import dev.eshop.platform.events.product.StockChangeCause;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.UUID;

@Service
public class StockChanges {

    private final JdbcClient jdbc;
    private final SqlDialect dialect;
    private final Outbox outbox;

    StockChanges(JdbcClient jdbc, SqlDialect dialect, Outbox outbox) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.outbox = outbox;
    }

    /** Records a stock change and its event in one transaction; returns the event id. */
    @Transactional
    public UUID change(UUID productId, int quantity, long stockVersion) {
        jdbc.sql("INSERT INTO stock_note (product_id, quantity) VALUES (?, ?)").params(dialect.uuid(productId), quantity).update();
        return outbox.add(new ProductQuantityUpdated(productId, quantity, StockChangeCause.RESTOCK, stockVersion, Instant.now()));
    }

    /** Like {@link #change} but fails after writing, so the transaction rolls back. */
    @Transactional
    public void changeThenFail(UUID productId, int quantity) {
        change(productId, quantity, 1);
        throw new IllegalStateException("the change failed after its event was written");
    }

    public int notes(UUID productId) {
        return jdbc.sql("SELECT count(*) FROM stock_note WHERE product_id = ?").param(dialect.uuid(productId)).query(Integer.class).single();
    }
}
