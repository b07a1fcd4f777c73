package dev.eshop.warehouse;

import dev.eshop.platform.events.EventJson;
import dev.eshop.platform.events.inbox.EventConsumers;
import dev.eshop.platform.events.product.ProductCreated;
import dev.eshop.platform.events.product.ProductQuantityUpdated;
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
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The warehouse service on a random port, with a PostgreSQL database and Kafka topics of its own
 * (one per test class), and helpers to drive it as admins, order and the product service do.
 */
@SpringBootTest(classes = WarehouseApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithPostgres
@WithKafka
public abstract class WarehouseTestSupport {

    protected static final String PROBLEMS = "https://eshop.example/problems/";

    protected static final Duration PATIENCE = Duration.ofSeconds(60);

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    Environment environment;

    @Autowired
    EventConsumers consumers;

    protected RestTestClient client;

    protected KafkaTestClient kafka;

    @BeforeEach
    void connect() {
        client = TestHttp.client(port);
        kafka = KafkaTestClient.of(environment);
        await().atMost(PATIENCE).until(consumers::assigned);
    }

    protected static String bearer(String token) {
        return "Bearer " + token;
    }

    protected static String admin() {
        return bearer(TestTokens.token().roles("ADMIN").claim("name", "Ada Admin").subject(UUID.randomUUID().toString()).mint());
    }

    protected static String order() {
        return bearer(TestTokens.service("stock.reserve"));
    }

    protected ResponseSpec post(String token, String path, Object body) {
        return client.post().uri(path).header("Authorization", token).contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }

    protected ResponseSpec get(String token, String path) {
        return client.get().uri(path).header("Authorization", token).exchange();
    }

    /** The id of the warehouse with this name, created (with this zip code) if it does not exist yet. */
    protected UUID warehouse(String name, String zipCode) {
        Optional<UUID> existing = jdbc.sql("SELECT id FROM warehouses WHERE name = ? AND deleted_at IS NULL").param(name)
                .query(UUID.class).optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        Map<?, ?> created = post(admin(), "/v1/warehouses", Map.of("name", name, "street", "1 Depot Road", "city", "Springfield",
                "state", "IL", "zip_code", zipCode))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        return UUID.fromString((String) created.get("id"));
    }

    /** Publishes {@code product-created} as the product service does; returns the event's ce_id. */
    protected UUID publishProductCreated(UUID productId, String name, int initialQuantity) {
        return kafka.publishEvent("product-created", "eshop.product.created.v1", productId.toString(),
                productCreatedJson(productId, name, initialQuantity));
    }

    protected static String productCreatedJson(UUID productId, String name, int initialQuantity) {
        return EventJson.write(new ProductCreated(productId, "SKU-" + productId.toString().substring(0, 8).toUpperCase(), name,
                "A vehicle.", new BigDecimal("70000.00"), UUID.randomUUID(), "SUV", Map.of("brand", "Mazda"), null, null,
                initialQuantity, 1, Instant.now()));
    }

    /** A new product with this many units in the main warehouse (one must exist), once warehouse has handled its creation. */
    protected UUID product(String name, int initialQuantity) {
        UUID productId = UUID.randomUUID();
        publishProductCreated(productId, name, initialQuantity);
        await().atMost(PATIENCE).until(() -> stockVersion(productId) >= 1);
        return productId;
    }

    /** Waits until the service has handled the event with this ce_id (and so every earlier one with the same key). */
    protected void awaitHandled(UUID eventId) {
        await().atMost(PATIENCE).until(() -> jdbc.sql("SELECT count(*) FROM processed_event WHERE event_id = ?").param(eventId)
                .query(Integer.class).single() == 1);
    }

    protected long stockVersion(UUID productId) {
        return jdbc.sql("SELECT stock_version FROM products WHERE product_id = ?").param(productId).query(Long.class)
                .optional().orElse(0L);
    }

    protected int quantity(UUID warehouseId, UUID productId) {
        return jdbc.sql("SELECT quantity FROM stock WHERE warehouse_id = ? AND product_id = ?").params(warehouseId, productId)
                .query(Integer.class).optional().orElse(0);
    }

    protected int total(UUID productId) {
        return jdbc.sql("SELECT COALESCE(SUM(quantity), 0) FROM stock WHERE product_id = ?").param(productId)
                .query(Integer.class).single();
    }

    protected int movements(UUID productId, String type) {
        return jdbc.sql("SELECT count(*) FROM stock_movements WHERE product_id = ? AND type = ?").params(productId, type)
                .query(Integer.class).single();
    }

    /** The last {@code product-quantity-updated} of a product once it has the given stock_version. */
    protected ProductQuantityUpdated quantityEvent(UUID productId, long stockVersion) {
        List<ProductQuantityUpdated> seen = new java.util.ArrayList<>();
        await().atMost(PATIENCE).untilAsserted(() -> {
            seen.clear();
            kafka.read("product-quantity-updated", Duration.ofSeconds(10), records -> records.stream()
                            .anyMatch(r -> productId.toString().equals(r.key())
                                    && EventJson.read(r.value(), ProductQuantityUpdated.class).stockVersion() >= stockVersion))
                    .stream().filter(r -> productId.toString().equals(r.key()))
                    .forEach(r -> seen.add(EventJson.read(r.value(), ProductQuantityUpdated.class)));
            assertThat(seen).extracting(ProductQuantityUpdated::stockVersion).contains(stockVersion);
        });
        return seen.stream().filter(e -> e.stockVersion() == stockVersion).findFirst().orElseThrow();
    }

    /** Every event of a product, in the order they were published. */
    protected List<ProductQuantityUpdated> quantityEvents(UUID productId) {
        return kafka.read("product-quantity-updated", Duration.ofSeconds(3), records -> false).stream()
                .filter(r -> productId.toString().equals(r.key()))
                .map(r -> EventJson.read(r.value(), ProductQuantityUpdated.class)).toList();
    }

    protected static Map<String, Object> reserveBody(UUID orderId, String zipCode, UUID productId, int quantity) {
        return Map.of("order_id", orderId, "user_id", UUID.randomUUID(), "zip_code", zipCode,
                "lines", List.of(Map.of("product_id", productId, "quantity", quantity)));
    }

    /**
     * Per warehouse, what the ledger says it should hold (units in − units out) equals its stock row:
     * the ledger explains every unit.
     */
    protected void assertLedgerExplainsStock(UUID productId) {
        List<Map<String, Object>> mismatches = jdbc.sql("""
                        SELECT s.warehouse_id, s.quantity,
                               COALESCE((SELECT SUM(quantity) FROM stock_movements m WHERE m.product_id = s.product_id
                                          AND m.to_warehouse_id = s.warehouse_id), 0)
                             - COALESCE((SELECT SUM(quantity) FROM stock_movements m WHERE m.product_id = s.product_id
                                          AND m.from_warehouse_id = s.warehouse_id), 0) AS ledger
                        FROM stock s WHERE s.product_id = ?""")
                .param(productId).query().listOfRows().stream()
                .filter(row -> ((Number) row.get("quantity")).longValue() != ((Number) row.get("ledger")).longValue())
                .toList();
        assertThat(mismatches).as("stock rows the ledger does not explain").isEmpty();
    }
}
