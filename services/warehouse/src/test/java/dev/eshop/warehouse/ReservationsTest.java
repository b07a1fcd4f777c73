package dev.eshop.warehouse;

import dev.eshop.platform.events.EventJson;
import dev.eshop.platform.events.order.ChangedByRole;
import dev.eshop.platform.events.order.OrderStatus;
import dev.eshop.platform.events.order.OrderStatusUpdated;
import dev.eshop.platform.events.order.StatusChangeReason;
import dev.eshop.platform.events.product.ProductQuantityUpdated;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What order relies on: plan, reserve and release, under concurrency, repeated, and driven by order's events. */
class ReservationsTest extends WarehouseTestSupport {

    UUID north;
    UUID central;
    UUID south;

    @BeforeEach
    void threeWarehouses() {
        north = warehouse("North", "10000");   // the first, so the main one
        central = warehouse("Central", "10250");
        south = warehouse("South", "10900");
    }

    @Test
    void fiftyConcurrentReservationsForTenUnitsNeverOversell() throws Exception {
        UUID product = product("Honda CB650R", 10);
        transfer(product, north, central, 3);
        transfer(product, north, south, 3);
        assertThat(List.of(quantity(north, product), quantity(central, product), quantity(south, product))).containsExactly(4, 3, 3);

        HttpClient http = HttpClient.newHttpClient();
        String token = order();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(50)) {
            for (int i = 0; i < 50; i++) {
                String zip = List.of("10000", "10250", "10900").get(i % 3);
                String body = "{\"order_id\":\"" + UUID.randomUUID() + "\",\"user_id\":\"" + UUID.randomUUID()
                        + "\",\"zip_code\":\"" + zip + "\",\"lines\":[{\"product_id\":\"" + product + "\",\"quantity\":1}]}";
                HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/reservations"))
                        .header("Authorization", token).header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
                answers.add(pool.submit(() -> {
                    start.await();
                    return http.send(request, HttpResponse.BodyHandlers.ofString());
                }));
            }
            start.countDown();
        }
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (Future<HttpResponse<String>> answer : answers) {
            responses.add(answer.get());
        }

        assertThat(responses).filteredOn(r -> r.statusCode() == 201).hasSize(10);
        assertThat(responses).filteredOn(r -> r.statusCode() == 409).hasSize(40)
                .allSatisfy(r -> assertThat(r.body()).contains(PROBLEMS + "insufficient-stock").contains("\"short_products\""));
        assertThat(jdbc.sql("SELECT min(quantity) FROM stock").query(Integer.class).single()).isGreaterThanOrEqualTo(0);
        assertThat(total(product)).isZero();
        assertThat(jdbc.sql("SELECT COALESCE(SUM(quantity), 0) FROM reservation_lines WHERE product_id = ?").param(product)
                .query(Integer.class).single()).isEqualTo(10);
        assertThat(jdbc.sql("SELECT count(*) FROM reservations WHERE status = 'HELD'").query(Integer.class).single()).isEqualTo(10);
        assertThat(movements(product, "RESERVE")).isEqualTo(10);
        assertLedgerExplainsStock(product);
        // INITIAL + 2 transfers + 10 reservations: the product service finally shows 0.
        ProductQuantityUpdated last = quantityEvent(product, 13);
        assertThat(last.quantity()).isZero();
    }

    @Test
    void theNearestWarehousesGiveFirstAndAShortOneIsTopped() {
        UUID product = product("Mazda CX-60", 5);
        restock(product, central, 5);
        restock(product, south, 5);

        // From 10250: Central (0) is nearest, then North (250), then South (650).
        post(order(), "/v1/stock/plan", Map.of("zip_code", "10250", "lines", List.of(Map.of("product_id", product, "quantity", 8))))
                .expectStatus().isOk().expectBody()
                .jsonPath("$.allocations.length()").isEqualTo(2)
                .jsonPath("$.allocations[0].warehouse_name").isEqualTo("Central")
                .jsonPath("$.allocations[0].distance").isEqualTo(0)
                .jsonPath("$.allocations[0].items[0].quantity").isEqualTo(5)
                .jsonPath("$.allocations[1].warehouse_name").isEqualTo("North")
                .jsonPath("$.allocations[1].distance").isEqualTo(250)
                .jsonPath("$.allocations[1].items[0].quantity").isEqualTo(3);
        assertThat(total(product)).as("a plan changes nothing").isEqualTo(15);

        UUID orderId = UUID.randomUUID();
        post(order(), "/v1/reservations", reserveBody(orderId, "10250", product, 8)).expectStatus().isCreated()
                .expectBody().jsonPath("$.status").isEqualTo("HELD")
                .jsonPath("$.allocations[0].warehouse_id").isEqualTo(central.toString())
                .jsonPath("$.allocations[1].warehouse_id").isEqualTo(north.toString());
        assertThat(List.of(quantity(central, product), quantity(north, product), quantity(south, product))).containsExactly(0, 2, 5);

        post(order(), "/v1/reservations", reserveBody(UUID.randomUUID(), "10250", product, 8)).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "insufficient-stock")
                .jsonPath("$.short_products[0].product_id").isEqualTo(product.toString())
                .jsonPath("$.short_products[0].name").isEqualTo("Mazda CX-60")
                .jsonPath("$.short_products[0].requested").isEqualTo(8)
                .jsonPath("$.short_products[0].available").isEqualTo(7)
                .jsonPath("$.detail").isEqualTo("Only 7 of Mazda CX-60 are available.");
        assertThat(total(product)).as("a refused reservation takes nothing").isEqualTo(7);
    }

    @Test
    void reservingTwiceForOneOrderReservesOnceAndReleasingTwiceReturnsTheStockOnce() {
        UUID product = product("Yamaha MT-07", 6);
        UUID orderId = UUID.randomUUID();
        Map<String, Object> body = reserveBody(orderId, "10900", product, 2);

        post(order(), "/v1/reservations", body).expectStatus().isCreated();
        post(order(), "/v1/reservations", body).expectStatus().isOk()
                .expectBody().jsonPath("$.order_id").isEqualTo(orderId.toString())
                .jsonPath("$.status").isEqualTo("HELD")
                .jsonPath("$.allocations[0].items[0].quantity").isEqualTo(2);
        assertThat(total(product)).isEqualTo(4);
        assertThat(movements(product, "RESERVE")).isEqualTo(1);
        post(order(), "/v1/reservations", reserveBody(orderId, "10900", product, 3)).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "duplicate");

        Map<String, String> release = Map.of("reason", "CHECKOUT_FAILED");
        for (int i = 0; i < 2; i++) {
            post(order(), "/v1/reservations/" + orderId + "/release", release).expectStatus().isOk()
                    .expectBody().jsonPath("$.status").isEqualTo("RELEASED");
        }
        assertThat(total(product)).isEqualTo(6);
        assertThat(quantity(north, product)).as("back where it came from").isEqualTo(6);
        assertThat(movements(product, "RELEASE")).isEqualTo(1);
        assertLedgerExplainsStock(product);

        post(order(), "/v1/reservations", body).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "invalid-state")
                .jsonPath("$.current_status").isEqualTo("RELEASED");

        UUID neverReserved = UUID.randomUUID();
        post(order(), "/v1/reservations/" + neverReserved + "/release", Map.of("reason", "CHECKOUT_ABANDONED"))
                .expectStatus().isOk();
        post(order(), "/v1/reservations", reserveBody(neverReserved, "10900", product, 1)).expectStatus().isEqualTo(409);
        assertThat(total(product)).as("a late reserve after a release takes nothing").isEqualTo(6);
    }

    @Test
    void aCancelledOrderGivesItsStockBackOnceAndAPaidOneKeepsIt() {
        UUID product = product("Vespa GTS 300", 5);
        UUID cancelled = UUID.randomUUID();
        UUID paid = UUID.randomUUID();
        post(order(), "/v1/reservations", reserveBody(cancelled, "10000", product, 2)).expectStatus().isCreated();
        post(order(), "/v1/reservations", reserveBody(paid, "10000", product, 1)).expectStatus().isCreated();
        assertThat(total(product)).isEqualTo(2);

        publishStatus(cancelled, OrderStatus.CANCELLED, OrderStatus.PENDING_PAYMENT, StatusChangeReason.CANCELLED_BY_CUSTOMER);
        await().atMost(PATIENCE).until(() -> total(product) == 4);
        publishStatus(paid, OrderStatus.PAID, OrderStatus.PAYMENT_SUBMITTED, StatusChangeReason.PAYMENT_APPROVED);
        await().atMost(PATIENCE).until(() -> "COMMITTED".equals(status(paid)));

        // An expiry of the paid order, and the same cancellation again (a new delivery), change nothing.
        awaitHandled(publishStatus(paid, OrderStatus.EXPIRED, OrderStatus.PENDING_PAYMENT, StatusChangeReason.DEADLINE_PASSED));
        awaitHandled(publishStatus(cancelled, OrderStatus.CANCELLED, OrderStatus.PENDING_PAYMENT,
                StatusChangeReason.CANCELLED_BY_CUSTOMER));

        assertThat(total(product)).isEqualTo(4);
        assertThat(movements(product, "RELEASE")).isEqualTo(1);
        assertThat(status(cancelled)).isEqualTo("RELEASED");
        assertThat(status(paid)).isEqualTo("COMMITTED");
        get(order(), "/v1/reservations/" + cancelled).expectStatus().isOk()
                .expectBody().jsonPath("$.release_reason").isEqualTo("ORDER_CANCELLED");
        post(order(), "/v1/reservations/" + paid + "/release", Map.of("reason", "CHECKOUT_FAILED")).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "invalid-state")
                .jsonPath("$.current_status").isEqualTo("COMMITTED");
        assertThat(total(product)).isEqualTo(4);
        assertLedgerExplainsStock(product);
    }

    private UUID publishStatus(UUID orderId, OrderStatus status, OrderStatus previous, StatusChangeReason reason) {
        String json = EventJson.write(new OrderStatusUpdated(orderId, UUID.randomUUID(), status, previous, reason, null, null,
                ChangedByRole.SYSTEM, 2, Instant.now()));
        return kafka.publishEvent("order-status-updated", "eshop.order.status-updated.v1", orderId.toString(), json);
    }

    private String status(UUID orderId) {
        return jdbc.sql("SELECT status FROM reservations WHERE order_id = ?").param(orderId).query(String.class).optional().orElse(null);
    }

    private void transfer(UUID product, UUID from, UUID to, int quantity) {
        post(admin(), "/v1/stock/transfers", Map.of("product_id", product, "from_warehouse_id", from, "to_warehouse_id", to,
                "quantity", quantity)).expectStatus().isCreated();
    }

    private void restock(UUID product, UUID warehouse, int quantity) {
        post(admin(), "/v1/stock/restocks", Map.of("product_id", product, "warehouse_id", warehouse, "quantity", quantity))
                .expectStatus().isCreated();
    }
}
