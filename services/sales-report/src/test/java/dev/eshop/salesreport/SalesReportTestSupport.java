package dev.eshop.salesreport;

import dev.eshop.platform.events.EventJson;
import dev.eshop.platform.events.inbox.EventConsumers;
import dev.eshop.platform.events.order.SaleCreated;
import dev.eshop.platform.testing.KafkaTestClient;
import dev.eshop.platform.testing.TestHttp;
import dev.eshop.platform.testing.TestTokens;
import dev.eshop.platform.testing.WithKafka;
import dev.eshop.platform.testing.WithPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * The sales-report service on a random port, with a PostgreSQL database and Kafka topics of its own
 * (one per test class), and helpers to feed it {@code sale-created} as the order service publishes it
 * and to read its reports as an admin.
 */
@SpringBootTest(classes = SalesReportApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithPostgres
@WithKafka
public abstract class SalesReportTestSupport {

    protected static final String PROBLEMS = "https://eshop.example/problems/";

    protected static final Duration PATIENCE = Duration.ofSeconds(60);

    protected static final String SALE_CREATED = "sale-created";

    protected static final String SALE_CREATED_TYPE = "eshop.order.sale-created.v1";

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected Environment environment;

    @Autowired
    protected EventConsumers consumers;

    protected RestTestClient client;

    protected KafkaTestClient kafka;

    @BeforeEach
    void connect() {
        client = TestHttp.client(port);
        kafka = KafkaTestClient.of(environment);
        await().atMost(PATIENCE).until(consumers::assigned);
    }

    protected static String admin() {
        return "Bearer " + TestTokens.admin();
    }

    /** GET as an admin. */
    protected ResponseSpec get(String path) {
        return client.get().uri(path).header("Authorization", admin()).exchange();
    }

    /** An item of a sale: line_total = quantity × unit price, as order computes it. */
    protected static SaleCreated.Item item(UUID productId, String productName, UUID categoryId, String categoryName, int quantity,
                                           String unitPrice) {
        BigDecimal price = new BigDecimal(unitPrice);
        return new SaleCreated.Item(productId, productName, categoryId, categoryName, quantity, price,
                price.multiply(BigDecimal.valueOf(quantity)));
    }

    protected static SaleCreated sale(UUID orderId, UUID userId, String paidAt, SaleCreated.Item... items) {
        return new SaleCreated(orderId, userId, Instant.parse(paidAt), List.of(items));
    }

    /** Publishes {@code sale-created} as order does (key = order id, a fresh ce_id); returns the ce_id. */
    protected UUID publish(SaleCreated sale) {
        return kafka.publishEvent(SALE_CREATED, SALE_CREATED_TYPE, sale.orderId().toString(), EventJson.write(sale));
    }

    /** Waits until the service has handled the event with this ce_id (and so every earlier one of the same order). */
    protected void awaitHandled(UUID eventId) {
        await().atMost(PATIENCE).until(() -> jdbc.sql("SELECT count(*) FROM processed_event WHERE event_id = ?").param(eventId)
                .query(Integer.class).single() == 1);
    }

    /** Publishes the sales and waits until each is handled. */
    protected void record(SaleCreated... sales) {
        List<UUID> ids = Arrays.stream(sales).map(this::publish).toList();
        ids.forEach(this::awaitHandled);
    }

    protected int lineCount(UUID orderId) {
        return jdbc.sql("SELECT count(*) FROM sales_lines WHERE order_id = ?").param(orderId).query(Integer.class).single();
    }
}
