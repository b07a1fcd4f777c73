package dev.eshop.order;

import dev.eshop.order.ServiceStubs.Product;
import dev.eshop.order.ServiceStubs.Warehouse;
import dev.eshop.platform.events.EventJson;
import dev.eshop.platform.events.inbox.EventConsumers;
import dev.eshop.platform.events.order.OrderStatus;
import dev.eshop.platform.events.payment.PaymentStatus;
import dev.eshop.platform.events.payment.PaymentUpdated;
import dev.eshop.platform.testing.KafkaTestClient;
import dev.eshop.platform.testing.TestHttp;
import dev.eshop.platform.testing.TestIssuer;
import dev.eshop.platform.testing.TestTokens;
import dev.eshop.platform.testing.WithKafka;
import dev.eshop.platform.testing.WithPostgres;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * The order service on a random port, with a PostgreSQL database and Kafka topics of its own (one
 * per test class), product, warehouse and shipping-cost played by {@link ServiceStubs}, and this
 * service's client registered at the test issuer, so its calls carry real client-credentials tokens.
 */
@SpringBootTest(classes = OrderApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithPostgres
@WithKafka
public abstract class OrderTestSupport {

    protected static final String PROBLEMS = "https://eshop.example/problems/";
    protected static final Duration PATIENCE = Duration.ofSeconds(60);
    protected static final String CLIENT_SECRET = "order-service-test-secret";

    /** One stub server for the test JVM; tests use fresh products and ids, so they never see each other's. */
    protected static final ServiceStubs STUBS = ServiceStubs.start();

    static {
        TestIssuer.get().registerClient("order-service", CLIENT_SECRET, "products.read", "stock.reserve", "shipping.quote");
    }

    @DynamicPropertySource
    static void callees(DynamicPropertyRegistry registry) {
        registry.add("eshop.clients.product.base-url", STUBS::baseUrl);
        registry.add("eshop.clients.warehouse.base-url", STUBS::baseUrl);
        registry.add("eshop.clients.shipping-cost.base-url", STUBS::baseUrl);
        registry.add("eshop.clients.oauth.client-id", () -> "order-service");
        registry.add("eshop.clients.oauth.client-secret", () -> CLIENT_SECRET);
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected Environment environment;

    @Autowired
    EventConsumers consumers;

    protected RestTestClient client;
    protected KafkaTestClient kafka;

    @BeforeEach
    void connect() {
        STUBS.reset();
        client = TestHttp.client(port);
        kafka = KafkaTestClient.of(environment);
        await().atMost(PATIENCE).until(consumers::assigned);
    }

    // Callers

    protected static String bearer(String token) {
        return "Bearer " + token;
    }

    /** The cart service's token: client credentials with {@code orders.create}. */
    protected static String cart() {
        return bearer(TestTokens.token().subject("cart-service").roles().scopes("orders.create").mint());
    }

    protected static String customer(UUID userId) {
        return bearer(TestTokens.token().subject(userId.toString()).roles("CUSTOMER").claim("name", "Carla Customer").mint());
    }

    protected static String admin() {
        return bearer(TestTokens.token().subject(ADMIN_ID.toString()).roles("ADMIN").claim("name", "Ada Admin").mint());
    }

    protected static final UUID ADMIN_ID = UUID.fromString("0197a000-0000-7000-8000-0000000000ad");

    protected ResponseSpec post(String token, String path, Object body) {
        return client.post().uri(path).header("Authorization", token).contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }

    protected ResponseSpec patch(String token, String path, Object body) {
        return client.patch().uri(path).header("Authorization", token).contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }

    protected ResponseSpec get(String token, String path) {
        return client.get().uri(path).header("Authorization", token).exchange();
    }

    /** {@code POST /v1/orders} as the cart service does it. */
    protected ResponseSpec checkout(String idempotencyKey, Object body) {
        var request = client.post().uri("/v1/orders").header("Authorization", cart()).contentType(MediaType.APPLICATION_JSON);
        if (idempotencyKey != null) {
            request = request.header("Idempotency-Key", idempotencyKey);
        }
        return request.body(body).exchange();
    }

    // Request bodies

    protected static Map<String, Object> line(Product product, int quantity) {
        return line(product.id(), quantity);
    }

    protected static Map<String, Object> line(UUID productId, int quantity) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("product_id", productId.toString());
        line.put("quantity", quantity);
        return line;
    }

    protected static Map<String, Object> address(String zipCode) {
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("street", "12 Harbor Road");
        address.put("city", "Springfield");
        address.put("state", "IL");
        address.put("zip_code", zipCode);
        address.put("note", "Please call me first");
        return address;
    }

    protected static Map<String, Object> orderRequest(UUID userId, String zipCode, List<Map<String, Object>> lines) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("user_id", userId.toString());
        body.put("customer_email", "carla@example.com");
        body.put("customer_name", "Carla Customer");
        body.put("lines", lines);
        body.put("address", address(zipCode));
        return body;
    }

    // Arranging

    /** A product with units in one (new) warehouse at this zip code. */
    protected static Product productInStock(String name, String price, String warehouseZip, int units) {
        Product product = STUBS.product(name, price);
        Warehouse warehouse = STUBS.warehouse("Depot " + warehouseZip, warehouseZip);
        STUBS.stock(warehouse, product, units);
        return product;
    }

    /** Places an order through {@code POST /v1/orders} (201); returns its id. */
    protected UUID placeOrder(UUID userId) {
        Product product = productInStock("Mazda CX-60", "68500.00", "10250", 5);
        return placeOrder(userId, product, 1);
    }

    protected UUID placeOrder(UUID userId, Product product, int quantity) {
        Map<?, ?> created = checkout(UUID.randomUUID().toString(), orderRequest(userId, "10000", List.of(line(product, quantity))))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        return UUID.fromString((String) created.get("id"));
    }

    /**
     * Inserts an order directly (one line, one shipment, a CREATED history row), in any status, with
     * the given payment deadline; no event is written. For tests about what happens to orders, not how
     * they were made.
     */
    protected UUID seedOrder(UUID userId, OrderStatus status, Instant paymentDueAt) {
        UUID orderId = UUID.randomUUID();
        Instant created = Instant.now().minusSeconds(60);
        jdbc.sql("""
                        INSERT INTO orders (id, user_id, customer_email, customer_name, status, currency, subtotal, shipping_total, total,
                                            ship_street, ship_city, ship_state, ship_zip_code, ship_note, payment_due_at,
                                            payment_id, payment_status, idempotency_key, version, created_at, updated_at)
                        VALUES (?, ?, 'seeded@example.com', 'Sid Seeded', ?, 'USD', 1000.00, 105.00, 1105.00, '1 Main St',
                                'Springfield', 'IL', '10000', NULL, ?, ?, ?, ?, 1, ?, ?)""")
                .params(orderId, userId, status.name(), Timestamp.from(paymentDueAt),
                        status == OrderStatus.PENDING_PAYMENT ? null : UUID.randomUUID(),
                        status == OrderStatus.PENDING_PAYMENT ? null : "PENDING", UUID.randomUUID().toString(),
                        Timestamp.from(created), Timestamp.from(created))
                .update();
        jdbc.sql("""
                        INSERT INTO order_lines (id, order_id, position, product_id, sku, product_name, category_id, category_name,
                                                 image_url, quantity, unit_price, line_total)
                        VALUES (?, ?, 0, ?, 'SKU-SEEDED1', 'Honda CB650R', ?, 'Sport bikes', NULL, 1, 1000.00, 1000.00)""")
                .params(UUID.randomUUID(), orderId, UUID.randomUUID(), UUID.randomUUID()).update();
        UUID shipmentId = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO order_shipments (id, order_id, warehouse_id, warehouse_name, from_zip, vehicles, shipping_cost)
                        VALUES (?, ?, ?, 'Central', '10250', 1, 105.00)""")
                .params(shipmentId, orderId, UUID.randomUUID()).update();
        jdbc.sql("""
                        INSERT INTO order_status_history (id, order_id, from_status, to_status, reason, actor_id, actor_name, actor_role, at)
                        VALUES (?, ?, NULL, 'PENDING_PAYMENT', 'CREATED', ?, 'Sid Seeded', 'CUSTOMER', ?)""")
                .params(UUID.randomUUID(), orderId, userId, Timestamp.from(created)).update();
        return orderId;
    }

    protected UUID seedOrder(UUID userId, OrderStatus status) {
        return seedOrder(userId, status, Instant.now().plus(Duration.ofHours(24)));
    }

    // Reading what happened

    /** Reads JSON numbers as BigDecimal, so amounts keep their scale ({@code 105.00}). */
    protected static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    /** The response body, after checking the status. */
    protected static JsonNode body(ResponseSpec response, int status) {
        String body = response.expectStatus().isEqualTo(status).expectBody(String.class).returnResult().getResponseBody();
        return JSON.readTree(body == null ? "null" : body);
    }

    protected static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    protected static BigDecimal money(String amount) {
        return new BigDecimal(amount);
    }

    protected String status(UUID orderId) {
        return jdbc.sql("SELECT status FROM orders WHERE id = ?").param(orderId).query(String.class).optional().orElse(null);
    }

    protected int historyRows(UUID orderId, String toStatus) {
        return jdbc.sql("SELECT count(*) FROM order_status_history WHERE order_id = ? AND to_status = ?").params(orderId, toStatus)
                .query(Integer.class).single();
    }

    /** Outbox rows this service wrote for the order on the topic (each is published once by the relay). */
    protected int outboxRows(String topic, UUID orderId) {
        return jdbc.sql("SELECT count(*) FROM outbox WHERE topic = ? AND message_key = ?").params(topic, orderId.toString())
                .query(Integer.class).single();
    }

    /**
     * Everything this service has published on the topic so far: waits until the relay has sent every
     * outbox row of the topic, then reads the topic until it holds that many records.
     */
    protected List<ConsumerRecord<String, byte[]>> published(String topic) {
        await().atMost(PATIENCE).until(() -> jdbc.sql("SELECT count(*) FROM outbox WHERE topic = ? AND sent_at IS NULL")
                .param(topic).query(Integer.class).single() == 0);
        long sent = jdbc.sql("SELECT count(*) FROM outbox WHERE topic = ?").param(topic).query(Long.class).single();
        List<ConsumerRecord<String, byte[]>> records = kafka.read(topic, PATIENCE, read -> read.size() >= sent);
        return new ArrayList<>(records);
    }

    /** The payloads published on the topic for this order, oldest first. */
    protected <T extends dev.eshop.platform.events.Event> List<T> published(String topic, UUID orderId, Class<T> type) {
        return published(topic).stream().filter(r -> orderId.toString().equals(r.key()))
                .map(r -> EventJson.read(r.value(), type)).toList();
    }

    protected List<String> publishedJson(String topic, UUID orderId) {
        return published(topic).stream().filter(r -> orderId.toString().equals(r.key())).map(KafkaTestClient::value).toList();
    }

    /** Publishes {@code payment-updated} as the payment service does; returns its ce_id. */
    protected UUID publishPayment(UUID paymentId, UUID orderId, UUID userId, PaymentStatus status, String adminNote) {
        return publishPayment(UUID.randomUUID(), paymentId, orderId, userId, status, adminNote);
    }

    /** The same, with a given ce_id: publishing twice with one ce_id is a redelivery. */
    protected UUID publishPayment(UUID eventId, UUID paymentId, UUID orderId, UUID userId, PaymentStatus status, String adminNote) {
        Instant now = Instant.now();
        String json = EventJson.write(new PaymentUpdated(paymentId, orderId, userId, status, new BigDecimal("68605.00"),
                "Transfer from First Bank", adminNote, status == PaymentStatus.PENDING ? null : ADMIN_ID,
                status == PaymentStatus.PENDING ? null : now, now.minusSeconds(30), now));
        kafka.publish("payment-updated", paymentId.toString(), json,
                KafkaTestClient.cloudEventHeaders(eventId, "eshop.payment.updated.v1", paymentId.toString()));
        return eventId;
    }

    /** Waits until the service has handled the event with this ce_id. */
    protected void awaitHandled(UUID eventId) {
        await().atMost(PATIENCE).until(() -> jdbc.sql("SELECT count(*) FROM processed_event WHERE event_id = ?").param(eventId)
                .query(Integer.class).single() == 1);
    }
}
