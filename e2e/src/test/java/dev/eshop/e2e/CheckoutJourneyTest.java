package dev.eshop.e2e;

import dev.eshop.e2e.shop.StartedServices;
import dev.eshop.platform.testing.KafkaEngine;
import dev.eshop.platform.testing.RedisEngine;
import dev.eshop.platform.testing.S3Engine;
import dev.eshop.platform.testing.ServiceProcess;
import dev.eshop.platform.testing.TestIssuer;
import dev.eshop.platform.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.eshop.e2e.shop.Calls.client;
import static dev.eshop.e2e.shop.Calls.get;
import static dev.eshop.e2e.shop.Calls.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Buying, across every service it touches, each running from its jar: product, warehouse,
 * shipping-cost, order (twice, sharing one database) and cart, over real Kafka, PostgreSQL, MariaDB
 * and Redis, with service-to-service calls carrying client-credentials tokens.
 */
class CheckoutJourneyTest {

    private static final Duration EVENTUALLY = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, String> ADDRESS = Map.of("street", "12 Harbor Road", "city", "Lakeside", "state", "WI",
            "zip_code", "10250");

    private static final StartedServices services = new StartedServices();
    private static ServiceProcess product;
    private static ServiceProcess warehouse;
    private static ServiceProcess order;
    private static ServiceProcess quickOrder;
    private static ServiceProcess cart;
    private static String mainWarehouse;
    private static String categoryId;

    @BeforeAll
    static void startServices() {
        RedisEngine redis = RedisEngine.get();
        KafkaEngine kafka = KafkaEngine.get();
        S3Engine s3 = S3Engine.get();
        TestIssuer.get().registerClient("order-service", "order-secret", "products.read", "stock.reserve", "shipping.quote");
        TestIssuer.get().registerClient("cart-service", "cart-secret", "orders.create");

        Map<String, String> shared = Map.of(
                "SPRING_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "ESHOP_KAFKA_TOPIC_PREFIX", kafka.freshNamespace("checkout"),
                "ESHOP_SECURITY_ISSUER_URI", TestIssuer.get().uri());

        Map<String, String> productEnvironment = StartedServices.withPostgres(shared, "checkout_product");
        productEnvironment.putAll(StartedServices.s3());
        productEnvironment.put("ESHOP_S3_BUCKET", s3.createBucket("checkout-images"));
        product = services.start("product", productEnvironment);
        warehouse = services.start("warehouse", StartedServices.withPostgres(shared, "checkout_warehouse"));
        ServiceProcess shippingCost = services.start("shipping-cost", Map.of("ESHOP_SECURITY_ISSUER_URI", TestIssuer.get().uri()));

        Map<String, String> orderEnvironment = StartedServices.withPostgres(shared, "checkout_order");
        orderEnvironment.putAll(pairs(
                "ESHOP_CLIENTS_PRODUCT_BASEURL", product.baseUrl(),
                "ESHOP_CLIENTS_WAREHOUSE_BASEURL", warehouse.baseUrl(),
                "ESHOP_CLIENTS_SHIPPINGCOST_BASEURL", shippingCost.baseUrl(),
                // A hundred checkouts at once queue up on two cores: wait for answers rather than give up.
                "ESHOP_CLIENTS_WAREHOUSE_READTIMEOUT", "30s",
                "ESHOP_CLIENTS_PRODUCT_READTIMEOUT", "30s",
                "ESHOP_CLIENTS_SHIPPINGCOST_READTIMEOUT", "30s",
                "ESHOP_CLIENTS_OAUTH_CLIENTID", "order-service",
                "ESHOP_CLIENTS_OAUTH_CLIENTSECRET", "order-secret",
                "ESHOP_ORDER_DEADLINEJOB_INTERVAL", "1s",
                "ESHOP_ORDER_EXPIRYGRACE", "0s"));
        order = services.start("order", orderEnvironment);
        // A second instance on the same database whose orders are due after a few seconds:
        // both run the deadline job, so both try to expire them.
        Map<String, String> quickOrderEnvironment = new HashMap<>(orderEnvironment);
        quickOrderEnvironment.put("ESHOP_ORDER_PAYMENTWINDOW", "3s");
        quickOrder = services.start("order", quickOrderEnvironment);

        Map<String, String> cartEnvironment = StartedServices.withMariaDb(shared, "checkout_cart");
        cartEnvironment.putAll(pairs(
                "SPRING_DATA_REDIS_HOST", redis.host(),
                "SPRING_DATA_REDIS_PORT", Integer.toString(redis.port()),
                "SPRING_DATA_REDIS_DATABASE", Integer.toString(redis.freshDatabase()),
                "ESHOP_CLIENTS_ORDER_BASEURL", order.baseUrl(),
                "ESHOP_CLIENTS_ORDER_READTIMEOUT", "60s",
                "ESHOP_CLIENTS_OAUTH_CLIENTID", "cart-service",
                "ESHOP_CLIENTS_OAUTH_CLIENTSECRET", "cart-secret"));
        cart = services.start("cart", cartEnvironment);

        RestClient admin = client(warehouse, TestTokens.admin());
        mainWarehouse = post(admin, "/v1/warehouses", Map.of("name", "Central", "street", "1 Depot Road", "city", "Springfield",
                "state", "IL", "zip_code", "10000")).get("id").asString();
        post(admin, "/v1/warehouses", Map.of("name", "Far East", "street", "9 Pier Street", "city", "Portland",
                "state", "ME", "zip_code", "90000"));
        RestClient catalogue = client(product, TestTokens.admin());
        String motorcycles = post(catalogue, "/v1/categories", Map.of("name", "Motorcycles")).get("id").asString();
        categoryId = post(catalogue, "/v1/categories", Map.of("name", "Naked", "parent_id", motorcycles)).get("id").asString();
    }

    @AfterAll
    static void stopServices() {
        services.close();
    }

    @Test
    void aHundredCustomersCannotBuyMoreThanTheTenInStock() throws Exception {
        String roadster = newProduct("Roadster 300", "8900.00", 10);
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String customer = customerToken();
            addToCart(customer, roadster, 1);
            customers.add(customer);
        }

        List<JsonNode> answers = new ArrayList<>();
        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService checkouts = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Map.Entry<Integer, JsonNode>>> futures = new ArrayList<>();
            for (String customer : customers) {
                futures.add(checkouts.submit(() -> checkout(customer, UUID.randomUUID().toString(), null)));
            }
            for (Future<Map.Entry<Integer, JsonNode>> future : futures) {
                statuses.add(future.get().getKey());
                answers.add(future.get().getValue());
            }
        }

        assertThat(statuses.stream().filter(status -> status == 201)).hasSize(10);
        assertThat(statuses.stream().filter(status -> status == 409)).hasSize(90);
        for (int i = 0; i < statuses.size(); i++) {
            if (statuses.get(i) == 409) {
                assertThat(answers.get(i).path("type").asString()).endsWith("/insufficient-stock");
                assertThat(answers.get(i).path("short_products").get(0).path("name").asString()).isEqualTo("Roadster 300");
            }
        }
        JsonNode stock = get(client(warehouse, TestTokens.admin()), "/v1/stock/products/" + roadster);
        assertThat(stock.path("total").asInt()).isZero();
        assertThat(stock.path("warehouses").valueStream().map(row -> row.path("quantity").asInt())).allMatch(quantity -> quantity == 0);
        await().atMost(EVENTUALLY).until(() -> productDetail(roadster).path("stock").asInt() == 0);
    }

    @Test
    void aCheckoutRetriedWithTheSameKeyMakesOneOrderAndOneReservation() {
        String scrambler = newProduct("Scrambler 125", "4200.00", 5);
        String customer = customerToken();
        addToCart(customer, scrambler, 2);
        String key = UUID.randomUUID().toString();

        Map.Entry<Integer, JsonNode> first = checkout(customer, key, null);
        Map.Entry<Integer, JsonNode> again = checkout(customer, key, null);

        assertThat(first.getKey()).isEqualTo(201);
        assertThat(again.getKey()).isEqualTo(201);
        String orderId = first.getValue().path("order_id").asString();
        assertThat(again.getValue().path("order_id").asString()).isEqualTo(orderId);
        assertThat(get(client(warehouse, TestTokens.admin()), "/v1/stock/products/" + scrambler).path("total").asInt()).isEqualTo(3);
        assertThat(get(client(cart, customer), "/v1/carts/me").path("lines")).isEmpty();
        JsonNode mine = get(client(order, customer), "/v1/orders/me");
        assertThat(mine.path("total").asInt()).isEqualTo(1);
    }

    @Test
    void pricesComeFromTheCatalogueAndAChangeBeforeCheckoutIsHonoured() {
        String tourer = newProduct("Tourer 900", "15000.00", 4);
        String customer = customerToken();
        addToCart(customer, tourer, 1);
        JsonNode quoteBefore = quote(customer, tourer);

        JsonNode current = productDetail(tourer);
        Map<String, Object> update = new HashMap<>();
        update.put("name", current.path("name").asString());
        update.put("description", current.path("description").asString());
        update.put("price", new BigDecimal("14500.00"));
        update.put("category_id", categoryId);
        update.put("attributes", JSON.convertValue(current.path("attributes"), Map.class));
        update.put("version", current.path("version").asLong());
        client(product, TestTokens.admin()).put().uri("/v1/products/" + tourer).contentType(MediaType.APPLICATION_JSON)
                .body(update).retrieve().toBodilessEntity();

        await().atMost(EVENTUALLY).until(() -> new BigDecimal(get(client(cart, customer), "/v1/carts/me")
                .path("lines").get(0).path("unit_price").asString()).compareTo(new BigDecimal("14500.00")) == 0);
        JsonNode quoteAfter = quote(customer, tourer);
        assertThat(new BigDecimal(quoteAfter.path("subtotal").asString())).isEqualByComparingTo("14500.00");

        Map.Entry<Integer, JsonNode> stale = checkout(customer, UUID.randomUUID().toString(),
                new BigDecimal(quoteBefore.path("total").asString()));
        assertThat(stale.getKey()).isEqualTo(409);
        assertThat(stale.getValue().path("type").asString()).endsWith("/quote-changed");
        assertThat(new BigDecimal(stale.getValue().path("quote").path("total").asString()))
                .isEqualByComparingTo(new BigDecimal(quoteAfter.path("total").asString()));

        Map.Entry<Integer, JsonNode> placed = checkout(customer, UUID.randomUUID().toString(),
                new BigDecimal(quoteAfter.path("total").asString()));
        assertThat(placed.getKey()).isEqualTo(201);
        JsonNode detail = get(client(order, customer), "/v1/orders/" + placed.getValue().path("order_id").asString());
        assertThat(new BigDecimal(detail.path("lines").get(0).path("unit_price").asString())).isEqualByComparingTo("14500.00");
        assertThat(new BigDecimal(detail.path("total").asString()))
                .isEqualByComparingTo(new BigDecimal(quoteAfter.path("total").asString()));
    }

    @Test
    void aCancelledOrderGivesItsStockBackOnce() {
        String cruiser = newProduct("Cruiser 1200", "11000.00", 3);
        String customer = customerToken();
        addToCart(customer, cruiser, 2);
        String orderId = checkout(customer, UUID.randomUUID().toString(), null).getValue().path("order_id").asString();
        assertThat(stockOf(cruiser)).isEqualTo(1);

        JsonNode cancelled = post(client(order, customer), "/v1/orders/" + orderId + "/cancel", Map.of());
        // Cancelling again changes nothing: the same answer, no second release.
        JsonNode again = post(client(order, customer), "/v1/orders/" + orderId + "/cancel", Map.of());

        assertThat(cancelled.path("status").asString()).isEqualTo("CANCELLED");
        assertThat(again.path("status").asString()).isEqualTo("CANCELLED");
        assertThat(again.path("history").valueStream().filter(entry -> entry.path("to_status").asString().equals("CANCELLED")))
                .hasSize(1);
        await().atMost(EVENTUALLY).until(() -> stockOf(cruiser) == 3);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> stockOf(cruiser) == 3);
        int confirm = client(order, customer).post().uri("/v1/orders/" + orderId + "/confirm-delivery")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of())
                .exchange((request, response) -> response.getStatusCode().value());
        assertThat(confirm).as("a cancelled order cannot be delivered").isEqualTo(409);
    }

    @Test
    void anUnpaidOrderExpiresOnceWithTwoInstancesRunningTheJobAndItsStockComesBackOnce() {
        String enduro = newProduct("Enduro 450", "9800.00", 4);
        String customer = UUID.randomUUID().toString();
        RestClient cartService = client(quickOrder, TestTokens.service("orders.create"));
        JsonNode placed = cartService.post().uri("/v1/orders")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("user_id", customer, "customer_email", "eddie@example.com", "customer_name", "Eddie Enduro",
                        "lines", List.of(Map.of("product_id", enduro, "quantity", 3)), "address", ADDRESS))
                .retrieve().body(JsonNode.class);
        String orderId = placed.path("id").asString();
        assertThat(stockOf(enduro)).isEqualTo(1);

        RestClient admin = client(order, TestTokens.admin());
        await().atMost(EVENTUALLY).until(() -> get(admin, "/v1/orders/" + orderId).path("status").asString().equals("EXPIRED"));
        await().atMost(EVENTUALLY).until(() -> stockOf(enduro) == 4);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> stockOf(enduro) == 4);

        JsonNode history = get(admin, "/v1/orders/" + orderId).path("history");
        assertThat(history.valueStream().filter(entry -> entry.path("to_status").asString().equals("EXPIRED"))).hasSize(1);
    }

    private static String newProduct(String name, String price, int quantity) {
        JsonNode created = post(client(product, TestTokens.admin()), "/v1/products", Map.of(
                "name", name,
                "description", name + ", a motorcycle for every road.",
                "price", new BigDecimal(price),
                "category_id", categoryId,
                "attributes", Map.of("brand", "Northwind", "model", name, "year", 2025),
                "initial_quantity", quantity));
        String id = created.path("id").asString();
        // product-created → warehouse stocks it → product shows it; the cart learns it from the same events.
        await().atMost(EVENTUALLY).until(() -> productDetail(id).path("stock").asInt() == quantity);
        String probe = customerToken();
        await().atMost(EVENTUALLY).until(() -> client(cart, probe).post().uri("/v1/carts/me/lines")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("product_id", id, "quantity", 1))
                .exchange((request, response) -> response.getStatusCode().value()) == 200);
        return id;
    }

    private static String customerToken() {
        UUID id = UUID.randomUUID();
        return TestTokens.token().subject(id.toString()).roles("CUSTOMER")
                .claim("email", "rider-" + id + "@example.com").claim("name", "Rider " + id.toString().substring(0, 8))
                .mint();
    }

    private static void addToCart(String customer, String productId, int quantity) {
        post(client(cart, customer), "/v1/carts/me/lines", Map.of("product_id", productId, "quantity", quantity));
    }

    private static Map.Entry<Integer, JsonNode> checkout(String customer, String key, BigDecimal expectedTotal) {
        Map<String, Object> body = new HashMap<>(Map.of("address", ADDRESS));
        if (expectedTotal != null) {
            body.put("expected_total", expectedTotal);
        }
        return client(cart, customer).post().uri("/v1/carts/checkout")
                .header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange((request, response) -> Map.entry(response.getStatusCode().value(),
                        JSON.readTree(response.getBody().readAllBytes())));
    }

    private static JsonNode quote(String customer, String productId) {
        return post(client(order, customer), "/v1/orders/quote", Map.of("zip_code", ADDRESS.get("zip_code"),
                "lines", List.of(Map.of("product_id", productId, "quantity", 1))));
    }

    private static int stockOf(String productId) {
        return get(client(warehouse, TestTokens.admin()), "/v1/stock/products/" + productId).path("total").asInt();
    }

    private static JsonNode productDetail(String productId) {
        return get(RestClient.create(product.baseUrl()), "/v1/products/" + productId);
    }

    private static Map<String, String> pairs(String... keysAndValues) {
        Map<String, String> pairs = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            pairs.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return pairs;
    }
}
