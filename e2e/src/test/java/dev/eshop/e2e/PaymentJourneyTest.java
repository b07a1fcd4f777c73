package dev.eshop.e2e;

import dev.eshop.e2e.shop.Receipts;
import dev.eshop.e2e.shop.StartedServices;
import dev.eshop.platform.testing.KafkaEngine;
import dev.eshop.platform.testing.KafkaTestClient;
import dev.eshop.platform.testing.S3Engine;
import dev.eshop.platform.testing.ServiceProcess;
import dev.eshop.platform.testing.TestIssuer;
import dev.eshop.platform.testing.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.eshop.e2e.shop.Calls.client;
import static dev.eshop.e2e.shop.Calls.get;
import static dev.eshop.e2e.shop.Calls.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Paying and reporting, across the services involved, each running from its jar: a customer's order
 * (order, with product, warehouse and shipping-cost behind it), the transfer receipt and its review
 * (payment, over S3 and MariaDB), and the sales report fed by the paid order — all over real Kafka.
 */
class PaymentJourneyTest {

    private static final Duration EVENTUALLY = Duration.ofSeconds(60);
    private static final Map<String, String> ADDRESS = Map.of("street", "4 Mill Lane", "city", "Riverton", "state", "OR",
            "zip_code", "10100");

    private static final StartedServices services = new StartedServices();
    private static ServiceProcess product;
    private static ServiceProcess warehouse;
    private static ServiceProcess order;
    private static ServiceProcess payment;
    private static ServiceProcess salesReport;
    private static KafkaTestClient kafka;
    private static String categoryId;

    @BeforeAll
    static void startServices() {
        KafkaEngine kafkaEngine = KafkaEngine.get();
        S3Engine s3 = S3Engine.get();
        TestIssuer.get().registerClient("order-service", "order-secret", "products.read", "stock.reserve", "shipping.quote");
        String prefix = kafkaEngine.freshNamespace("paying");
        kafka = new KafkaTestClient(kafkaEngine.bootstrapServers(), prefix);
        Map<String, String> shared = Map.of(
                "SPRING_KAFKA_BOOTSTRAP_SERVERS", kafkaEngine.bootstrapServers(),
                "ESHOP_KAFKA_TOPIC_PREFIX", prefix,
                "ESHOP_SECURITY_ISSUER_URI", TestIssuer.get().uri());

        Map<String, String> productEnvironment = StartedServices.withPostgres(shared, "paying_product");
        productEnvironment.putAll(StartedServices.s3());
        productEnvironment.put("ESHOP_S3_BUCKET", s3.createBucket("paying-images"));
        product = services.start("product", productEnvironment);
        warehouse = services.start("warehouse", StartedServices.withPostgres(shared, "paying_warehouse"));
        ServiceProcess shippingCost = services.start("shipping-cost", Map.of("ESHOP_SECURITY_ISSUER_URI", TestIssuer.get().uri()));

        Map<String, String> orderEnvironment = StartedServices.withPostgres(shared, "paying_order");
        orderEnvironment.put("ESHOP_CLIENTS_PRODUCT_BASEURL", product.baseUrl());
        orderEnvironment.put("ESHOP_CLIENTS_WAREHOUSE_BASEURL", warehouse.baseUrl());
        orderEnvironment.put("ESHOP_CLIENTS_SHIPPINGCOST_BASEURL", shippingCost.baseUrl());
        orderEnvironment.put("ESHOP_CLIENTS_OAUTH_CLIENTID", "order-service");
        orderEnvironment.put("ESHOP_CLIENTS_OAUTH_CLIENTSECRET", "order-secret");
        order = services.start("order", orderEnvironment);

        Map<String, String> paymentEnvironment = StartedServices.withMariaDb(shared, "paying_payment");
        paymentEnvironment.putAll(StartedServices.s3());
        paymentEnvironment.put("ESHOP_PAYMENT_PROOFS_BUCKET", s3.createBucket("paying-proofs"));
        payment = services.start("payment", paymentEnvironment);
        salesReport = services.start("sales-report", StartedServices.withPostgres(shared, "paying_sales"));

        post(client(warehouse, TestTokens.admin()), "/v1/warehouses", Map.of("name", "Central", "street", "1 Depot Road",
                "city", "Springfield", "state", "IL", "zip_code", "10000"));
        RestClient catalogue = client(product, TestTokens.admin());
        String cars = post(catalogue, "/v1/categories", Map.of("name", "Cars")).get("id").asString();
        categoryId = post(catalogue, "/v1/categories", Map.of("name", "Coupe", "parent_id", cars)).get("id").asString();
    }

    @AfterAll
    static void stopServices() {
        services.close();
    }

    @Test
    void anApprovedReceiptPaysTheOrderAndEachLineIsSoldOnce() {
        String coupe = newProduct("Coupe GT", "52000.00", 3);
        String roadster = newProduct("Roadster S", "61000.00", 3);
        UUID customer = UUID.randomUUID();
        String orderId = placeOrder(customer, Map.of(coupe, 1, roadster, 2));

        String paymentId = uploadReceipt(customer, orderId);
        await().atMost(EVENTUALLY).until(() -> orderStatus(orderId).equals("PAYMENT_SUBMITTED"));
        review(paymentId, "APPROVED", "Transfer received.");
        await().atMost(EVENTUALLY).until(() -> orderStatus(orderId).equals("PAID"));

        await().atMost(EVENTUALLY).until(() -> salesOf(orderId).size() == 2);
        List<JsonNode> lines = salesOf(orderId);
        BigDecimal revenue = lines.stream().map(line -> new BigDecimal(line.path("line_total").asString()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(revenue).isEqualByComparingTo("174000.00");
        assertThat(lines.stream().map(line -> new BigDecimal(line.path("margin").asString())).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("26100.00");

        // The same sale-created, delivered a second time, counts once.
        ConsumerRecord<String, byte[]> sale = kafka.lastWithKey("sale-created", orderId, EVENTUALLY);
        Map<String, String> headers = new HashMap<>();
        sale.headers().forEach(header -> headers.put(header.key(), new String(header.value())));
        kafka.publish("sale-created", orderId, KafkaTestClient.value(sale), headers);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> salesOf(orderId).size() == 2);
    }

    @Test
    void aRejectedReceiptRejectsTheOrderAndGivesItsStockBack() {
        String wagon = newProduct("Wagon Estate", "33000.00", 2);
        UUID customer = UUID.randomUUID();
        String orderId = placeOrder(customer, Map.of(wagon, 2));
        assertThat(stockOf(wagon)).isZero();

        String paymentId = uploadReceipt(customer, orderId);
        await().atMost(EVENTUALLY).until(() -> orderStatus(orderId).equals("PAYMENT_SUBMITTED"));
        review(paymentId, "REJECTED", "The amount on the receipt does not match.");

        await().atMost(EVENTUALLY).until(() -> orderStatus(orderId).equals("REJECTED"));
        await().atMost(EVENTUALLY).until(() -> stockOf(wagon) == 2);
        assertThat(get(client(payment, customerToken(customer)), "/v1/payments/" + paymentId).path("admin_note").asString())
                .isEqualTo("The amount on the receipt does not match.");
        assertThat(salesOf(orderId)).isEmpty();
    }

    private static String newProduct(String name, String price, int quantity) {
        String id = post(client(product, TestTokens.admin()), "/v1/products", Map.of(
                "name", name,
                "description", name + ", a car for every road.",
                "price", new BigDecimal(price),
                "category_id", categoryId,
                "attributes", Map.of("brand", "Northwind", "model", name, "year", 2025),
                "initial_quantity", quantity)).path("id").asString();
        await().atMost(EVENTUALLY).until(() -> get(RestClient.create(product.baseUrl()), "/v1/products/" + id)
                .path("stock").asInt() == quantity);
        return id;
    }

    /** An order placed the way the cart places it: with the cart service's token, for the customer. */
    private static String placeOrder(UUID customer, Map<String, Integer> quantities) {
        List<Map<String, Object>> lines = new ArrayList<>();
        quantities.forEach((productId, quantity) -> lines.add(Map.of("product_id", productId, "quantity", quantity)));
        return client(order, TestTokens.service("orders.create")).post().uri("/v1/orders")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("user_id", customer.toString(), "customer_email", "buyer-" + customer + "@example.com",
                        "customer_name", "Bea Buyer", "lines", lines, "address", ADDRESS))
                .retrieve().body(JsonNode.class).path("id").asString();
    }

    /** Uploads a receipt once payment has learnt of the order (order-created may still be on its way). */
    private static String uploadReceipt(UUID customer, String orderId) {
        MultipartBodyBuilder parts = new MultipartBodyBuilder();
        parts.part("order_id", orderId);
        parts.part("note", "Paid by bank transfer.");
        parts.part("image", new ByteArrayResource(Receipts.png()) {
            @Override
            public String getFilename() {
                return "receipt.png";
            }
        }).contentType(MediaType.IMAGE_PNG);
        RestClient customerClient = client(payment, customerToken(customer));
        String[] paymentId = new String[1];
        await().atMost(EVENTUALLY).until(() -> customerClient.post().uri("/v1/payments")
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(parts.build())
                .exchange((request, response) -> {
                    if (response.getStatusCode().value() != 201) {
                        return false;
                    }
                    paymentId[0] = response.bodyTo(JsonNode.class).path("id").asString();
                    return true;
                }));
        return paymentId[0];
    }

    /** Reviews once payment's copy of the order has taken the receipt into account. */
    private static void review(String paymentId, String decision, String note) {
        RestClient admin = client(payment, TestTokens.admin());
        await().atMost(EVENTUALLY).until(() -> admin.post().uri("/v1/payments/" + paymentId + "/review")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("decision", decision, "note", note))
                .exchange((request, response) -> response.getStatusCode().value()) == 200);
    }

    private static String orderStatus(String orderId) {
        return get(client(order, TestTokens.admin()), "/v1/orders/" + orderId).path("status").asString();
    }

    private static List<JsonNode> salesOf(String orderId) {
        return get(client(salesReport, TestTokens.admin()), "/v1/sales?order_id=" + orderId + "&from="
                + LocalDate.now(ZoneOffset.UTC).minusDays(1) + "&to=" + LocalDate.now(ZoneOffset.UTC).plusDays(1))
                .path("items").valueStream().toList();
    }

    private static int stockOf(String productId) {
        return get(client(warehouse, TestTokens.admin()), "/v1/stock/products/" + productId).path("total").asInt();
    }

    private static String customerToken(UUID customer) {
        return TestTokens.token().subject(customer.toString()).roles("CUSTOMER")
                .claim("email", "buyer-" + customer + "@example.com").claim("name", "Bea Buyer").mint();
    }
}
