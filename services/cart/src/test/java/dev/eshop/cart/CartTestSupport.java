package dev.eshop.cart;

import dev.eshop.platform.events.EventJson;
import dev.eshop.platform.events.inbox.EventConsumers;
import dev.eshop.platform.events.product.ProductDeleted;
import dev.eshop.platform.events.product.ProductUpdated;
import dev.eshop.platform.testing.KafkaTestClient;
import dev.eshop.platform.testing.TestHttp;
import dev.eshop.platform.testing.TestTokens;
import dev.eshop.platform.testing.WithKafka;
import dev.eshop.platform.testing.WithMariaDb;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * The cart service on a random port, with a MariaDB database (reached as MySQL) and Kafka topics of its
 * own per test class; each class chooses its Redis ({@code @WithRedis}, or one it starts itself). Helpers
 * drive it as the storefront (customers' tokens) and the product service (product events) do.
 */
@SpringBootTest(classes = CartApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithMariaDb
@WithKafka
public abstract class CartTestSupport {

    protected static final String PROBLEMS = "https://eshop.example/problems/";

    protected static final Duration PATIENCE = Duration.ofSeconds(60);

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected Environment environment;

    @Autowired
    protected StringRedisTemplate redis;

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

    /** A customer's access token as auth issues it: sub, role, e-mail and name. */
    protected static String customer(UUID userId) {
        return "Bearer " + TestTokens.token().subject(userId.toString()).roles("CUSTOMER")
                .claim("email", "customer-" + userId.toString().substring(0, 8) + "@example.com")
                .claim("name", "Customer " + userId.toString().substring(0, 8)).mint();
    }

    protected ResponseSpec get(String token, String path) {
        return client.get().uri(path).header("Authorization", token).exchange();
    }

    protected ResponseSpec post(String token, String path, Object body) {
        return client.post().uri(path).header("Authorization", token).contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }

    protected ResponseSpec patch(String token, String path, Object body) {
        return client.patch().uri(path).header("Authorization", token).contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }

    protected ResponseSpec delete(String token, String path) {
        return client.delete().uri(path).header("Authorization", token).exchange();
    }

    /** Adds units of a product to the customer's cart and expects 200. */
    protected void add(UUID userId, UUID productId, int quantity) {
        post(customer(userId), "/v1/carts/me/lines", Map.of("product_id", productId, "quantity", quantity)).expectStatus().isOk();
    }

    /** The customer's cart as the API answers it. */
    @SuppressWarnings("unchecked")
    protected Map<String, Object> cart(UUID userId) {
        return get(customer(userId), "/v1/carts/me").expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    /** product id → quantity of each line of the customer's cart, in the order the API lists them. */
    @SuppressWarnings("unchecked")
    protected Map<String, Integer> quantities(UUID userId) {
        Map<String, Integer> quantities = new java.util.LinkedHashMap<>();
        for (Map<String, Object> line : (List<Map<String, Object>>) cart(userId).get("lines")) {
            quantities.put((String) line.get("product_id"), (Integer) line.get("quantity"));
        }
        return quantities;
    }

    /** product id → quantity of the customer's lines in MySQL. */
    protected Map<String, Integer> storedQuantities(UUID userId) {
        Map<String, Integer> quantities = new java.util.LinkedHashMap<>();
        jdbc.sql("SELECT product_id, quantity FROM cart_lines WHERE user_id = ? ORDER BY added_at, product_id").param(userId.toString())
                .query(rs -> {
                    quantities.put(rs.getString(1), rs.getInt(2));
                });
        return quantities;
    }

    /** A product in the cart's local copy, written straight into MySQL (for tests that are not about the product events). */
    protected UUID product(String name, String price, int stock) {
        UUID productId = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO cart_products (product_id, name, price, thumbnail_url, stock, deleted, version, updated_at)
                        VALUES (?, ?, ?, ?, ?, false, 1, ?)""")
                .params(productId.toString(), name, new BigDecimal(price), "https://cdn.eshop.example/" + productId + "-thumb.jpg", stock,
                        Timestamp.from(Instant.now()))
                .update();
        return productId;
    }

    /** Publishes {@code product-updated} as the product service does; returns the event's ce_id. */
    protected UUID publishUpdated(UUID productId, String name, String price, int stock, long version) {
        return kafka.publishEvent("product-updated", "eshop.product.updated.v1", productId.toString(),
                productUpdatedJson(productId, name, price, stock, version));
    }

    protected static String productUpdatedJson(UUID productId, String name, String price, int stock, long version) {
        String thumbnail = "https://cdn.eshop.example/product-images/" + productId + "-v" + version + "-thumb.jpg";
        return EventJson.write(new ProductUpdated(productId, "SKU-" + productId.toString().substring(0, 8).toUpperCase(), name,
                "A vehicle.", new BigDecimal(price), UUID.randomUUID(), "SUV", Map.of("brand", "Mazda"), thumbnail.replace("-thumb", ""),
                thumbnail, List.of(), stock, version, Instant.now(), Instant.now()));
    }

    protected UUID publishDeleted(UUID productId, long version) {
        return kafka.publishEvent("product-deleted", "eshop.product.deleted.v1", productId.toString(),
                EventJson.write(new ProductDeleted(productId, "SKU-" + productId.toString().substring(0, 8).toUpperCase(), version, Instant.now())));
    }

    /**
     * Waits until the service has handled the event and, after its commit, set the product's copy in Redis
     * at this version (which it does last, after evicting the carts a deletion changed).
     */
    protected void awaitApplied(UUID eventId, UUID productId, long version) {
        awaitHandled(eventId);
        await().atMost(PATIENCE).until(() -> String.valueOf(redis.opsForValue().get("cart-product:" + productId))
                .contains("\"version\":" + version + ","));
    }

    /** Waits until the service has handled the event with this ce_id (and so every earlier one of the same product). */
    protected void awaitHandled(UUID eventId) {
        await().atMost(PATIENCE).until(() -> jdbc.sql("SELECT count(*) FROM processed_event WHERE event_id = ?").param(eventId.toString())
                .query(Integer.class).single() == 1);
    }
}
