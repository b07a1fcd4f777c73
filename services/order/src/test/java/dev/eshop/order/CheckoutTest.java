package dev.eshop.order;

import dev.eshop.order.ServiceStubs.Product;
import dev.eshop.order.ServiceStubs.Warehouse;
import dev.eshop.platform.testing.KafkaTestClient;
import dev.eshop.platform.testing.TestHttp;
import dev.eshop.platform.testing.TestIssuer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Quote and checkout (spec services.md §4.4) against stubs of product, warehouse and shipping-cost:
 * prices only from product, one shipment per warehouse of the allocation, the refusals
 * ({@code quote-changed}, {@code product-unavailable}, {@code insufficient-stock}), failures after the
 * reservation releasing it, the Idempotency-Key (retries, twins, a crash between reserve and save) and
 * the sweeper of abandoned checkouts.
 */
@TestPropertySource(properties = "eshop.order.checkout.sweeper-interval=200ms")
class CheckoutTest extends OrderTestSupport {

    @Test
    void aQuoteHasProductPricesAndOneShipmentPerWarehouseAndReservesNothing() {
        Product car = STUBS.product("Mazda CX-60", "68500.00");
        Product bike = STUBS.product("Honda CB650R", "9199.00");
        Warehouse central = STUBS.warehouse("Central", "10250");
        Warehouse south = STUBS.warehouse("South", "10900");
        STUBS.stock(central, car, 1);
        STUBS.stock(south, car, 5);
        STUBS.stock(central, bike, 3);
        Map<String, Object> carLine = line(car, 2);
        carLine.put("unit_price", 1.00);   // ignored: prices come from product
        carLine.put("price", 1.00);

        JsonNode quote = body(post(customer(UUID.randomUUID()), "/v1/orders/quote",
                Map.of("zip_code", "10000", "lines", List.of(carLine, line(bike, 1)))), 200);

        assertThat(quote.path("lines").size()).isEqualTo(2);
        assertThat(quote.path("lines").get(0).path("product_name").asString()).isEqualTo("Mazda CX-60");
        assertThat(quote.path("lines").get(0).path("image_url").asString()).isEqualTo(car.thumbnailUrl());
        assertThat(quote.path("lines").get(0).path("unit_price").decimalValue()).isEqualTo(money("68500.00"));
        assertThat(quote.path("lines").get(0).path("line_total").decimalValue()).isEqualTo(money("137000.00"));
        assertThat(quote.path("lines").get(1).path("unit_price").decimalValue()).isEqualTo(money("9199.00"));
        // Central (distance 250) sends 1 car + 1 bike, South (900) the second car.
        JsonNode first = quote.path("shipments").get(0);
        assertThat(first.path("warehouse_id").asString()).isEqualTo(central.id().toString());
        assertThat(first.path("from_zip").asString()).isEqualTo("10250");
        assertThat(first.path("vehicles").asInt()).isEqualTo(2);
        assertThat(first.path("shipping_cost").decimalValue()).isEqualTo(money("210.00"));
        assertThat(first.path("items").findValuesAsString("product_name")).containsExactlyInAnyOrder("Mazda CX-60", "Honda CB650R");
        JsonNode second = quote.path("shipments").get(1);
        assertThat(second.path("warehouse_name").asString()).isEqualTo("South");
        assertThat(second.path("vehicles").asInt()).isEqualTo(1);
        assertThat(second.path("shipping_cost").decimalValue()).isEqualTo(money("118.00"));
        assertThat(quote.path("subtotal").decimalValue()).isEqualTo(money("146199.00"));
        assertThat(quote.path("shipping_total").decimalValue()).isEqualTo(money("328.00"));
        assertThat(quote.path("total").decimalValue()).isEqualTo(money("146527.00"));
        assertThat(quote.path("currency").asString()).isEqualTo("USD");

        assertThat(STUBS.calls("POST", "/v1/stock/plan")).hasSize(1);
        assertThat(STUBS.calls("POST", "/v1/reservations")).isEmpty();
        assertThat(STUBS.stockOf(central, car)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM checkout_attempts").query(Integer.class).single()).isZero();
    }

    @Test
    void checkoutTakesPricesFromProductNotFromTheRequestAndPublishesOrderCreatedOnce() {
        Product car = productInStock("Mazda CX-60 2.5 e-Skyactiv PHEV", "68500.00", "10250", 3);
        Warehouse depot = STUBS.warehouse("unused", "99999"); // far away and empty: not part of the allocation
        UUID user = UUID.randomUUID();
        Map<String, Object> carLine = line(car, 1);
        carLine.put("unit_price", 1.00);
        carLine.put("line_total", 1.00);
        Map<String, Object> request = orderRequest(user, "10000", List.of(carLine));
        request.put("subtotal", 1.00);
        request.put("shipping_total", 0.00);
        request.put("total", 1.00);
        request.put("status", "PAID");
        request.put("expected_total", money("68605.00"));

        var response = checkout("checkout-" + user, request);
        JsonNode order = body(response, 201);

        UUID orderId = UUID.fromString(order.path("id").asString());
        response.expectHeader().valueEquals("Location", "/v1/orders/" + orderId);
        assertThat(order.path("status").asString()).isEqualTo("PENDING_PAYMENT");
        assertThat(order.path("user_id").asString()).isEqualTo(user.toString());
        assertThat(order.path("customer_email").asString()).isEqualTo("carla@example.com");
        assertThat(order.path("version").asInt()).isEqualTo(1);
        JsonNode line = order.path("lines").get(0);
        assertThat(line.path("sku").asString()).isEqualTo(car.sku());
        assertThat(line.path("category_name").asString()).isEqualTo("SUV");
        assertThat(line.path("unit_price").decimalValue()).isEqualTo(money("68500.00"));
        assertThat(line.path("line_total").decimalValue()).isEqualTo(money("68500.00"));
        assertThat(order.path("subtotal").decimalValue()).isEqualTo(money("68500.00"));
        assertThat(order.path("shipping_total").decimalValue()).isEqualTo(money("105.00"));
        assertThat(order.path("total").decimalValue()).isEqualTo(money("68605.00"));
        assertThat(order.path("shipments").get(0).path("from_zip").asString()).isEqualTo("10250");
        assertThat(order.path("shipments").get(0).path("items").get(0).path("product_name").asString()).isEqualTo(car.name());
        assertThat(order.path("address").path("zip_code").asString()).isEqualTo("10000");
        assertThat(order.path("address").path("note").asString()).isEqualTo("Please call me first");
        Instant created = Instant.parse(order.path("created_at").asString());
        assertThat(Instant.parse(order.path("payment_due_at").asString())).isEqualTo(created.plus(Duration.ofHours(24)));
        assertThat(order.path("payment_seconds_left").asLong()).isBetween(86_000L, 86_400L);
        assertThat(order.path("payment").isNull()).isTrue();
        assertThat(order.path("history").size()).isEqualTo(1);
        assertThat(order.path("history").get(0).path("reason").asString()).isEqualTo("CREATED");
        assertThat(order.path("history").get(0).path("to_status").asString()).isEqualTo("PENDING_PAYMENT");
        assertThat(order.path("allowed_actions").size()).as("the cart service may do nothing with it").isZero();

        // One reservation, by order id, with this service's own token.
        assertThat(STUBS.reserveCalls(orderId)).singleElement().satisfies(call -> {
            assertThat(call.body().path("user_id").asString()).isEqualTo(user.toString());
            assertThat(call.body().path("zip_code").asString()).isEqualTo("10000");
            assertThat(call.authorization()).startsWith("Bearer ");
        });
        assertThat(TestIssuer.get().tokenRequests("order-service")).isPositive();
        assertThat(STUBS.calls("POST", "/v1/products/lookup")).isNotEmpty()
                .allSatisfy(call -> assertThat(call.authorization()).startsWith("Bearer "));
        assertThat(STUBS.stockOf(depot, car)).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM checkout_attempts WHERE user_id = ?").param(user).query(Integer.class).single())
                .isZero();

        // order-created, once, with the payload of events.md §3.5.
        assertThat(outboxRows("order-created", orderId)).isEqualTo(1);
        List<ConsumerRecord<String, byte[]>> records = published("order-created").stream()
                .filter(r -> orderId.toString().equals(r.key())).toList();
        assertThat(records).hasSize(1);
        ConsumerRecord<String, byte[]> record = records.getFirst();
        assertThat(KafkaTestClient.header(record, "ce_type")).isEqualTo("eshop.order.created.v1");
        assertThat(KafkaTestClient.header(record, "ce_source")).isEqualTo("/eshop/order");
        assertThat(KafkaTestClient.header(record, "ce_subject")).isEqualTo(orderId.toString());
        JsonNode event = json(KafkaTestClient.value(record));
        assertThat(event.propertyNames()).containsExactlyInAnyOrder("order_id", "user_id", "status", "currency", "subtotal",
                "shipping_total", "total", "payment_due_at", "address", "lines", "shipments", "created_at");
        assertThat(event.path("order_id").asString()).isEqualTo(orderId.toString());
        assertThat(event.path("user_id").asString()).isEqualTo(user.toString());
        assertThat(event.path("status").asString()).isEqualTo("PENDING_PAYMENT");
        assertThat(event.path("currency").asString()).isEqualTo("USD");
        assertThat(event.path("subtotal").decimalValue()).isEqualTo(money("68500.00"));
        assertThat(event.path("shipping_total").decimalValue()).isEqualTo(money("105.00"));
        assertThat(event.path("total").decimalValue()).isEqualTo(money("68605.00"));
        assertThat(Instant.parse(event.path("payment_due_at").asString())).isEqualTo(created.plus(Duration.ofHours(24)));
        assertThat(event.path("address").path("street").asString()).isEqualTo("12 Harbor Road");
        assertThat(event.path("address").path("note").asString()).isEqualTo("Please call me first");
        JsonNode eventLine = event.path("lines").get(0);
        assertThat(eventLine.propertyNames()).containsExactlyInAnyOrder("product_id", "sku", "product_name", "category_id",
                "category_name", "quantity", "unit_price", "line_total");
        assertThat(eventLine.path("category_id").asString()).isEqualTo(car.categoryId().toString());
        assertThat(eventLine.path("unit_price").decimalValue()).isEqualTo(money("68500.00"));
        JsonNode shipment = event.path("shipments").get(0);
        assertThat(shipment.path("warehouse_name").asString()).isEqualTo("Depot 10250");
        assertThat(shipment.path("from_zip").asString()).isEqualTo("10250");
        assertThat(shipment.path("vehicles").asInt()).isEqualTo(1);
        assertThat(shipment.path("shipping_cost").decimalValue()).isEqualTo(money("105.00"));
        assertThat(shipment.path("items").get(0).path("quantity").asInt()).isEqualTo(1);

        // The customer reads the same order.
        JsonNode mine = body(get(customer(user), "/v1/orders/" + orderId), 200);
        assertThat(mine.path("total").decimalValue()).isEqualTo(money("68605.00"));
        assertThat(mine.path("allowed_actions").toString()).contains("CANCEL", "UPLOAD_PAYMENT");
    }

    @Test
    void retryingWithTheSameKeyAnswersTheSameOrderAndReservesOnce() {
        Product car = productInStock("Kia EV6", "52000.00", "10100", 4);
        UUID user = UUID.randomUUID();
        String key = "retry-" + user;

        JsonNode first = body(checkout(key, orderRequest(user, "10000", List.of(line(car, 1)))), 201);
        // A repeat is answered with the order placed, whatever its body: not re-validated, nothing reserved.
        JsonNode again = body(checkout(key, orderRequest(user, "10000", List.of(line(car, 2)))), 200);
        JsonNode invalid = body(checkout(key, orderRequest(user, "10000", List.of())), 200);

        assertThat(again.path("id").asString()).isEqualTo(first.path("id").asString());
        assertThat(invalid.path("id").asString()).isEqualTo(first.path("id").asString());
        assertThat(again.path("lines").get(0).path("quantity").asInt()).isEqualTo(1);
        UUID orderId = UUID.fromString(first.path("id").asString());
        assertThat(STUBS.reserveCallsOf(user)).hasSize(1);
        assertThat(jdbc.sql("SELECT count(*) FROM orders WHERE user_id = ?").param(user).query(Integer.class).single()).isEqualTo(1);
        assertThat(outboxRows("order-created", orderId)).isEqualTo(1);

        // The key belongs to the user: another customer with the same key gets an order of their own.
        UUID other = UUID.randomUUID();
        JsonNode theirs = body(checkout(key, orderRequest(other, "10000", List.of(line(car, 1)))), 201);
        assertThat(theirs.path("id").asString()).isNotEqualTo(first.path("id").asString());
    }

    @Test
    void twoConcurrentTwinsWithOneKeyMakeOneOrder() throws Exception {
        Product car = productInStock("Tesla Model Y", "45000.00", "10050", 5);
        UUID user = UUID.randomUUID();
        String key = "twin-" + user;
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<String>> answers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            answers.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                }
                catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return TestHttp.client(port).post().uri("/v1/orders").header("Authorization", cart())
                        .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
                        .body(orderRequest(user, "10000", List.of(line(car, 1)))).exchange()
                        .expectStatus().is2xxSuccessful().expectBody(String.class).returnResult().getResponseBody();
            }));
        }
        start.countDown();
        List<String> ids = new ArrayList<>();
        for (CompletableFuture<String> answer : answers) {
            ids.add(json(answer.get()).path("id").asString());
        }

        assertThat(ids.get(0)).isEqualTo(ids.get(1));
        UUID orderId = UUID.fromString(ids.getFirst());
        assertThat(jdbc.sql("SELECT count(*) FROM orders WHERE user_id = ?").param(user).query(Integer.class).single()).isEqualTo(1);
        assertThat(outboxRows("order-created", orderId)).isEqualTo(1);
        // Usually both reserve the same order id (the twin reuses the attempt); a twin that came after the first had
        // finished reserved under a new id, which it gave back when it found the first's order.
        assertThat(STUBS.reserveCallsOf(user)).allSatisfy(call -> {
            UUID reserved = UUID.fromString(call.body().path("order_id").asString());
            if (!reserved.equals(orderId)) {
                assertThat(STUBS.reservationStatus(reserved)).isEqualTo("RELEASED");
            }
        });
        assertThat(STUBS.releaseCalls(orderId)).isEmpty();
        assertThat(STUBS.stockOf(warehouseOf(car), car)).isEqualTo(4);
    }

    @Test
    void aDifferentExpectedTotalIsAQuoteChangedWithTheNewQuoteAndTheStockComesBack() {
        Product car = productInStock("Volvo EX30", "36000.00", "10300", 2);
        Warehouse warehouse = warehouseOf(car);
        UUID user = UUID.randomUUID();
        Map<String, Object> request = orderRequest(user, "10000", List.of(line(car, 1)));
        request.put("expected_total", money("35000.00"));

        JsonNode problem = body(checkout("changed-" + user, request), 409);

        assertThat(problem.path("type").asString()).isEqualTo(PROBLEMS + "quote-changed");
        assertThat(problem.path("detail").asString()).contains("36106.00");
        assertThat(problem.path("quote").path("total").decimalValue()).isEqualTo(money("36106.00"));
        assertThat(problem.path("quote").path("lines").get(0).path("unit_price").decimalValue()).isEqualTo(money("36000.00"));
        assertThat(problem.path("quote").path("shipments").get(0).path("shipping_cost").decimalValue()).isEqualTo(money("106.00"));
        UUID reserved = UUID.fromString(STUBS.reserveCallsOf(user).getFirst().body().path("order_id").asString());
        assertThat(STUBS.releaseCalls(reserved)).singleElement()
                .satisfies(call -> assertThat(call.body().path("reason").asString()).isEqualTo("CHECKOUT_FAILED"));
        assertThat(STUBS.stockOf(warehouse, car)).isEqualTo(2);
        assertNothingSaved(user);

        // With the total the customer now saw, the same key places the order.
        request.put("expected_total", money("36106.00"));
        body(checkout("changed-" + user, request), 201);
        assertThat(STUBS.stockOf(warehouse, car)).isEqualTo(1);
    }

    @Test
    void anUnknownOrDeletedProductIsUnavailableAndNothingIsReserved() {
        Product sold = productInStock("Ducati Monster", "12990.00", "10000", 3);
        Product deleted = STUBS.deleted("Yamaha XSR155", "4000.00");
        UUID unknown = UUID.randomUUID();
        UUID user = UUID.randomUUID();

        JsonNode problem = body(checkout("gone-" + user, orderRequest(user, "10000",
                List.of(line(sold, 1), line(deleted, 1), line(unknown, 1)))), 409);

        assertThat(problem.path("type").asString()).isEqualTo(PROBLEMS + "product-unavailable");
        assertThat(problem.path("detail").asString()).contains("Yamaha XSR155");
        assertThat(problem.path("unavailable_products").size()).isEqualTo(2);
        assertThat(problem.path("unavailable_products").get(0).path("product_id").asString()).isEqualTo(deleted.id().toString());
        assertThat(problem.path("unavailable_products").get(0).path("name").asString()).isEqualTo("Yamaha XSR155");
        assertThat(problem.path("unavailable_products").get(1).path("product_id").asString()).isEqualTo(unknown.toString());
        assertThat(problem.path("unavailable_products").get(1).path("name").isNull()).isTrue();
        assertThat(STUBS.calls("POST", "/v1/reservations")).isEmpty();
        assertNothingSaved(user);

        JsonNode quoted = body(post(customer(user), "/v1/orders/quote", Map.of("zip_code", "10000", "lines",
                List.of(line(deleted, 1)))), 409);
        assertThat(quoted.path("type").asString()).isEqualTo(PROBLEMS + "product-unavailable");
        assertThat(STUBS.calls("POST", "/v1/stock/plan")).isEmpty();
    }

    @Test
    void notEnoughStockIsPassedOnWithTheProductNamesAndNothingIsSaved() {
        Product bike = productInStock("Honda CB650R", "9199.00", "10000", 1);
        UUID user = UUID.randomUUID();

        JsonNode problem = body(checkout("short-" + user, orderRequest(user, "10000", List.of(line(bike, 3)))), 409);

        assertThat(problem.path("type").asString()).isEqualTo(PROBLEMS + "insufficient-stock");
        assertThat(problem.path("detail").asString()).isEqualTo("Only 1 of Honda CB650R is available.");
        JsonNode shortProduct = problem.path("short_products").get(0);
        assertThat(shortProduct.path("product_id").asString()).isEqualTo(bike.id().toString());
        assertThat(shortProduct.path("name").asString()).isEqualTo("Honda CB650R");
        assertThat(shortProduct.path("requested").asInt()).isEqualTo(3);
        assertThat(shortProduct.path("available").asInt()).isEqualTo(1);
        assertThat(STUBS.stockOf(warehouseOf(bike), bike)).isEqualTo(1);
        assertNothingSaved(user);

        JsonNode quoted = body(post(customer(user), "/v1/orders/quote", Map.of("zip_code", "10000", "lines",
                List.of(line(bike, 2)))), 409);
        assertThat(quoted.path("type").asString()).isEqualTo(PROBLEMS + "insufficient-stock");
        assertThat(quoted.path("short_products").get(0).path("name").asString()).isEqualTo("Honda CB650R");
    }

    @Test
    void shippingCostDownAfterTheReservationReleasesItAndAnswers503() {
        Product car = productInStock("BMW iX1", "49000.00", "10500", 2);
        UUID user = UUID.randomUUID();
        String key = "ship-down-" + user;
        STUBS.shippingDown = true;

        var response = checkout(key, orderRequest(user, "10000", List.of(line(car, 1))));
        JsonNode problem = body(response, 503);

        response.expectHeader().exists("Retry-After");
        assertThat(problem.path("type").asString()).isEqualTo(PROBLEMS + "dependency-unavailable");
        assertThat(problem.path("dependency").asString()).isEqualTo("shipping-cost");
        assertThat(STUBS.calls("POST", "/shipping-cost")).as("tried, then retried twice").hasSize(3);
        UUID reserved = UUID.fromString(STUBS.reserveCallsOf(user).getFirst().body().path("order_id").asString());
        assertThat(STUBS.releaseCalls(reserved)).singleElement()
                .satisfies(call -> assertThat(call.body().path("reason").asString()).isEqualTo("CHECKOUT_FAILED"));
        assertThat(STUBS.reservationStatus(reserved)).isEqualTo("RELEASED");
        assertThat(STUBS.stockOf(warehouseOf(car), car)).isEqualTo(2);
        assertNothingSaved(user);

        STUBS.shippingDown = false;
        JsonNode order = body(checkout(key, orderRequest(user, "10000", List.of(line(car, 1)))), 201);
        assertThat(order.path("id").asString()).isNotEqualTo(reserved.toString());
        assertThat(STUBS.stockOf(warehouseOf(car), car)).isEqualTo(1);
    }

    @Test
    void aCalleeRefusingThisServicesTokenIs503NotItsOwn403() {
        Product car = productInStock("Renault 5 E-Tech", "25000.00", "10700", 1);
        UUID user = UUID.randomUUID();
        STUBS.shippingRefusesToken = true;

        JsonNode problem = body(checkout("refused-" + user, orderRequest(user, "10000", List.of(line(car, 1)))), 503);

        assertThat(problem.path("type").asString()).isEqualTo(PROBLEMS + "dependency-unavailable");
        assertThat(problem.path("dependency").asString()).isEqualTo("shipping-cost");
        assertThat(STUBS.stockOf(warehouseOf(car), car)).as("released").isEqualTo(1);
        assertNothingSaved(user);
    }

    @Test
    void productOrWarehouseDownIs503BeforeAnythingIsSaved() {
        Product car = productInStock("Audi Q4 e-tron", "51000.00", "10600", 2);
        UUID user = UUID.randomUUID();
        String key = "down-" + user;

        STUBS.productDown = true;
        JsonNode noProduct = body(checkout(key, orderRequest(user, "10000", List.of(line(car, 1)))), 503);
        assertThat(noProduct.path("dependency").asString()).isEqualTo("product");
        assertThat(STUBS.calls("POST", "/v1/reservations")).isEmpty();
        JsonNode noQuote = body(post(customer(user), "/v1/orders/quote", Map.of("zip_code", "10000", "lines", List.of(line(car, 1)))),
                503);
        assertThat(noQuote.path("dependency").asString()).isEqualTo("product");

        STUBS.productDown = false;
        STUBS.warehouseDown = true;
        JsonNode noWarehouse = body(checkout(key, orderRequest(user, "10000", List.of(line(car, 1)))), 503);
        assertThat(noWarehouse.path("dependency").asString()).isEqualTo("warehouse");
        assertThat(jdbc.sql("SELECT count(*) FROM orders WHERE user_id = ?").param(user).query(Integer.class).single()).isZero();
        // The reservation may or may not have happened: the attempt stays, so a retry reuses its order id.
        UUID attempt = jdbc.sql("SELECT order_id FROM checkout_attempts WHERE user_id = ?").param(user).query(UUID.class).single();

        STUBS.warehouseDown = false;
        JsonNode order = body(checkout(key, orderRequest(user, "10000", List.of(line(car, 1)))), 201);
        assertThat(order.path("id").asString()).isEqualTo(attempt.toString());
    }

    @Test
    void aRetryAfterACrashBetweenReserveAndSaveReusesTheOrderIdAndItsReservation() {
        Product car = productInStock("Skoda Enyaq", "44000.00", "10020", 3);
        UUID user = UUID.randomUUID();
        String key = "crash-" + user;
        UUID earlier = UUID.randomUUID();
        insertAttempt(earlier, user, key, Instant.now().minusSeconds(5));
        STUBS.reserved(earlier, "10000", car, 1);   // the earlier try reserved, then its process died

        JsonNode order = body(checkout(key, orderRequest(user, "10000", List.of(line(car, 1)))), 201);

        assertThat(order.path("id").asString()).isEqualTo(earlier.toString());
        assertThat(STUBS.reserveCalls(earlier)).hasSize(1);
        assertThat(STUBS.stockOf(warehouseOf(car), car)).as("reserved once").isEqualTo(2);
        assertThat(STUBS.releaseCalls(earlier)).isEmpty();
    }

    @Test
    void aReusedOrderIdThatWasReleasedOrReservedWithOtherLinesIsReplacedByANewOne() {
        Product car = productInStock("Hyundai Ioniq 5", "47000.00", "10030", 5);
        Warehouse warehouse = warehouseOf(car);

        // Released meanwhile by the sweeper: warehouse refuses the old id (invalid-state), checkout starts again.
        UUID releasedUser = UUID.randomUUID();
        UUID released = UUID.randomUUID();
        insertAttempt(released, releasedUser, "k-" + releasedUser, Instant.now());
        STUBS.reserved(released, "10000", car, 1);
        STUBS.release(released);
        JsonNode first = body(checkout("k-" + releasedUser, orderRequest(releasedUser, "10000", List.of(line(car, 1)))), 201);
        assertThat(first.path("id").asString()).isNotEqualTo(released.toString());

        // Reserved with other lines (the cart changed between the tries): released, then a new id.
        UUID changedUser = UUID.randomUUID();
        UUID changed = UUID.randomUUID();
        insertAttempt(changed, changedUser, "k-" + changedUser, Instant.now());
        STUBS.reserved(changed, "10000", car, 1);
        JsonNode second = body(checkout("k-" + changedUser, orderRequest(changedUser, "10000", List.of(line(car, 2)))), 201);
        assertThat(second.path("id").asString()).isNotEqualTo(changed.toString());
        assertThat(STUBS.releaseCalls(changed)).singleElement()
                .satisfies(call -> assertThat(call.body().path("reason").asString()).isEqualTo("CHECKOUT_FAILED"));
        assertThat(STUBS.reservationStatus(changed)).isEqualTo("RELEASED");
        assertThat(STUBS.stockOf(warehouse, car)).as("5 − 1 (first order) − 2 (second order)").isEqualTo(2);
    }

    @Test
    void theSweeperReleasesAbandonedCheckoutsAndForgetsFinishedOnes() {
        Product car = productInStock("Nissan Ariya", "43000.00", "10040", 4);
        UUID abandoned = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        insertAttempt(abandoned, user, "abandoned-" + user, Instant.now().minus(Duration.ofMinutes(10)));
        STUBS.reserved(abandoned, "10000", car, 2);
        UUID finished = seedOrder(user, dev.eshop.platform.events.order.OrderStatus.PENDING_PAYMENT);
        insertAttempt(finished, user, "finished-" + user, Instant.now().minus(Duration.ofMinutes(10)));
        UUID recent = UUID.randomUUID();
        insertAttempt(recent, user, "recent-" + user, Instant.now());

        await().atMost(PATIENCE).until(() -> attemptExists(abandoned) == 0 && attemptExists(finished) == 0);

        assertThat(STUBS.releaseCalls(abandoned)).isNotEmpty()
                .allSatisfy(call -> assertThat(call.body().path("reason").asString()).isEqualTo("CHECKOUT_ABANDONED"));
        assertThat(STUBS.stockOf(warehouseOf(car), car)).isEqualTo(4);
        assertThat(STUBS.releaseCalls(finished)).isEmpty();
        assertThat(attemptExists(recent)).as("not abandoned yet").isEqualTo(1);
        jdbc.sql("DELETE FROM checkout_attempts WHERE order_id = ?").param(recent).update();
    }

    @Test
    void theIdempotencyKeyIsRequiredAndChecked() {
        Product car = productInStock("Fiat 500e", "29000.00", "10000", 2);
        UUID user = UUID.randomUUID();
        JsonNode missing = body(checkout(null, orderRequest(user, "10000", List.of(line(car, 1)))), 400);
        assertThat(missing.path("type").asString()).isEqualTo(PROBLEMS + "malformed-request");
        assertThat(missing.path("detail").asString()).contains("Idempotency-Key");
        JsonNode tooLong = body(checkout("k".repeat(101), orderRequest(user, "10000", List.of(line(car, 1)))), 400);
        assertThat(tooLong.path("type").asString()).isEqualTo(PROBLEMS + "malformed-request");
        assertThat(STUBS.calls()).isEmpty();
    }

    private void assertNothingSaved(UUID user) {
        assertThat(jdbc.sql("SELECT count(*) FROM orders WHERE user_id = ?").param(user).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM checkout_attempts WHERE user_id = ?").param(user).query(Integer.class).single())
                .as("no attempt left behind").isZero();
    }

    private void insertAttempt(UUID orderId, UUID user, String key, Instant createdAt) {
        jdbc.sql("INSERT INTO checkout_attempts (order_id, user_id, idempotency_key, created_at) VALUES (?, ?, ?, ?)")
                .params(orderId, user, key, Timestamp.from(createdAt)).update();
    }

    private int attemptExists(UUID orderId) {
        return jdbc.sql("SELECT count(*) FROM checkout_attempts WHERE order_id = ?").param(orderId).query(Integer.class).single();
    }

    private static Warehouse warehouseOf(Product product) {
        return STUBS.warehouseOf(product);
    }
}
