package dev.eshop.order;

import dev.eshop.order.ServiceStubs.Product;
import dev.eshop.platform.events.order.OrderStatus;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading orders (a customer's own list, the admins' list with its filters and search, paging and
 * sort as in spec §0.4) and every kind of bad input: invalid lines, addresses and zip codes (a JSON
 * number too), amounts, malformed UUIDs, unknown ids, bad paging, sort and filters. Bad input is a
 * 400 problem naming the field, and nothing is looked up or reserved.
 */
class OrderApiTest extends OrderTestSupport {

    @Test
    void aCustomerListsTheirOwnOrdersNewestFirstPaged() {
        UUID alice = UUID.randomUUID();
        UUID oldest = seedOrder(alice, OrderStatus.CANCELLED);
        UUID middle = seedOrder(alice, OrderStatus.PAID);
        UUID newest = seedOrder(alice, OrderStatus.PENDING_PAYMENT);
        created(oldest, "2025-01-07T10:00:00Z");
        created(middle, "2025-01-08T10:00:00Z");
        created(newest, "2025-01-09T10:00:00Z");
        seedOrder(UUID.randomUUID(), OrderStatus.PAID);

        JsonNode page = body(get(customer(alice), "/v1/orders/me"), 200);
        assertThat(page.path("items").findValuesAsString("id")).containsExactly(newest.toString(), middle.toString(), oldest.toString());
        assertThat(page.path("page").asInt()).isZero();
        assertThat(page.path("size").asInt()).isEqualTo(20);
        assertThat(page.path("total").asInt()).isEqualTo(3);
        JsonNode summary = page.path("items").get(0);
        assertThat(summary.propertyNames()).containsExactlyInAnyOrder("id", "status", "total", "currency", "line_count", "item_count",
                "first_item_name", "thumbnail_url", "payment_due_at", "created_at");
        assertThat(summary.path("total").decimalValue()).isEqualTo(money("1105.00"));
        assertThat(summary.path("line_count").asInt()).isEqualTo(1);
        assertThat(summary.path("item_count").asInt()).isEqualTo(1);
        assertThat(summary.path("first_item_name").asString()).isEqualTo("Honda CB650R");

        assertThat(body(get(customer(alice), "/v1/orders/me?status=PAID&status=CANCELLED"), 200).path("items")
                .findValuesAsString("id")).containsExactly(middle.toString(), oldest.toString());
        JsonNode second = body(get(customer(alice), "/v1/orders/me?size=2&page=1"), 200);
        assertThat(second.path("items").findValuesAsString("id")).containsExactly(oldest.toString());
        assertThat(second.path("total").asInt()).isEqualTo(3);
        assertThat(body(get(customer(alice), "/v1/orders/me?sort=created_at,asc&size=1"), 200).path("items")
                .findValuesAsString("id")).containsExactly(oldest.toString());
        JsonNode none = body(get(customer(UUID.randomUUID()), "/v1/orders/me"), 200);
        assertThat(none.path("items").isArray()).isTrue();
        assertThat(none.path("items").size()).isZero();
        assertThat(none.path("total").asInt()).isZero();
    }

    @Test
    void adminsFilterByCustomerStatusDateAndSearchAndSeeWhoOrdered() {
        UUID bob = UUID.randomUUID();
        UUID january = seedOrder(bob, OrderStatus.PAID);
        UUID february = seedOrder(bob, OrderStatus.PENDING_PAYMENT);
        UUID march = seedOrder(bob, OrderStatus.DELIVERED);
        created(january, "2025-01-09T23:59:00Z");
        created(february, "2025-02-01T00:00:00Z");
        created(march, "2025-03-15T12:00:00Z");
        total(february, "50000.00");
        jdbc.sql("UPDATE orders SET customer_email = ? WHERE id = ?").params("bob.builder-" + bob + "@example.com", march).update();

        JsonNode all = body(get(admin(), "/v1/orders?user_id=" + bob), 200);
        assertThat(all.path("total").asInt()).isEqualTo(3);
        assertThat(all.path("items").get(0).path("user_id").asString()).isEqualTo(bob.toString());
        assertThat(all.path("items").get(0).path("customer_name").asString()).isEqualTo("Sid Seeded");
        assertThat(all.path("items").get(1).path("customer_email").asString()).isEqualTo("seeded@example.com");

        assertThat(ids(get(admin(), "/v1/orders?user_id=" + bob + "&from=2025-01-09&to=2025-02-01"))).containsExactly(february, january);
        assertThat(ids(get(admin(), "/v1/orders?user_id=" + bob + "&from=2025-02-02"))).containsExactly(march);
        assertThat(ids(get(admin(), "/v1/orders?user_id=" + bob + "&status=PAID&status=DELIVERED"))).containsExactly(march, january);
        assertThat(ids(get(admin(), "/v1/orders?user_id=" + bob + "&sort=total,desc"))).first().isEqualTo(february);
        assertThat(ids(get(admin(), "/v1/orders?q=" + january))).containsExactly(january);
        String shortNumber = january.toString().substring(28);
        assertThat(ids(get(admin(), "/v1/orders?q=" + shortNumber.toUpperCase()))).containsExactly(january);
        assertThat(ids(get(admin(), "/v1/orders?q=builder-" + bob))).containsExactly(march);
        assertThat(ids(get(admin(), "/v1/orders?q=%25_nothing_like_this"))).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void badCheckoutInputIsAValidationProblemNamingTheFieldAndNothingIsReserved() {
        Product car = STUBS.product("Mazda MX-5", "32000.00");
        UUID user = UUID.randomUUID();

        assertFieldError(orderRequest(user, "10000", List.of()), "lines");
        assertFieldError(orderRequest(user, "10000", List.of(line(car, 0))), "lines[0].quantity");
        assertFieldError(orderRequest(user, "10000", List.of(line(car, 11))), "lines[0].quantity");
        assertFieldError(orderRequest(user, "10000", List.of(line(car, 1), line(car, 2))), "lines[1].product_id");
        assertFieldError(orderRequest(user, "10000",
                IntStream.range(0, 21).mapToObj(i -> line(UUID.randomUUID(), 1)).toList()), "lines");
        Map<String, Object> noProduct = new LinkedHashMap<>(Map.of("quantity", 1));
        assertFieldError(orderRequest(user, "10000", List.of(noProduct)), "lines[0].product_id");
        for (Object zip : List.of("1234", "123456", "ABCDE", " ", 12345)) {
            Map<String, Object> request = orderRequest(user, "10000", List.of(line(car, 1)));
            ((Map<String, Object>) request.get("address")).put("zip_code", zip);
            JsonNode problem = assertFieldError(request, "address.zip_code");
            assertThat(problem.path("errors").get(0).path("message").asString()).isEqualTo("must be exactly 5 digits");
        }
        Map<String, Object> blankStreet = orderRequest(user, "10000", List.of(line(car, 1)));
        ((Map<String, Object>) blankStreet.get("address")).put("street", "   ");
        assertFieldError(blankStreet, "address.street");
        Map<String, Object> longCity = orderRequest(user, "10000", List.of(line(car, 1)));
        ((Map<String, Object>) longCity.get("address")).put("city", "x".repeat(101));
        assertFieldError(longCity, "address.city");
        Map<String, Object> noAddress = orderRequest(user, "10000", List.of(line(car, 1)));
        noAddress.remove("address");
        assertFieldError(noAddress, "address");
        Map<String, Object> noUser = orderRequest(user, "10000", List.of(line(car, 1)));
        noUser.remove("user_id");
        assertFieldError(noUser, "user_id");
        Map<String, Object> noEmail = orderRequest(user, "10000", List.of(line(car, 1)));
        noEmail.put("customer_email", "x".repeat(255));
        assertFieldError(noEmail, "customer_email");
        Map<String, Object> cents = orderRequest(user, "10000", List.of(line(car, 1)));
        cents.put("expected_total", new BigDecimal("32100.005"));
        assertFieldError(cents, "expected_total");

        // Several rules broken at once are reported together.
        Map<String, Object> many = orderRequest(user, "1", List.of(line(car, 0)));
        many.remove("customer_name");
        JsonNode problem = body(checkout("bad-" + user, many), 400);
        assertThat(problem.path("errors").findValuesAsString("field"))
                .containsExactly("address.zip_code", "customer_name", "lines[0].quantity");

        Map<String, Object> malformed = orderRequest(user, "10000", List.of(line(car, 1)));
        ((Map<String, Object>) ((List<?>) malformed.get("lines")).getFirst()).put("product_id", "not-a-uuid");
        assertThat(body(checkout("bad-" + user, malformed), 400).path("type").asString()).isEqualTo(PROBLEMS + "malformed-request");
        Map<String, Object> fraction = orderRequest(user, "10000", List.of(line(car, 1)));
        ((Map<String, Object>) ((List<?>) fraction.get("lines")).getFirst()).put("quantity", 1.5);
        assertThat(body(checkout("bad-" + user, fraction), 400).path("type").asString()).isEqualTo(PROBLEMS + "malformed-request");

        // The quote has the same rules, with the zip code at the top.
        assertQuoteFieldError(Map.of("zip_code", 10000, "lines", List.of(line(car, 1))), "zip_code");
        assertQuoteFieldError(Map.of("zip_code", "10000", "lines", List.of()), "lines");
        assertQuoteFieldError(Map.of("zip_code", "10000"), "lines");
        assertQuoteFieldError(Map.of("zip_code", "10000", "lines", List.of(line(car, 10), line(car, 1))), "lines[1].product_id");

        assertThat(STUBS.calls()).as("nothing looked up, planned or reserved").isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM checkout_attempts").query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM orders WHERE user_id = ?").param(user).query(Integer.class).single()).isZero();
    }

    @Test
    void badPathsPagingSortAndFiltersAreProblems() {
        UUID alice = UUID.randomUUID();
        UUID orderId = seedOrder(alice, OrderStatus.PAID);

        assertMalformed(get(customer(alice), "/v1/orders/not-a-uuid"));
        assertMalformed(post(customer(alice), "/v1/orders/12345/cancel", Map.of()));
        assertThat(body(get(customer(alice), "/v1/orders/" + UUID.randomUUID()), 404).path("type").asString())
                .isEqualTo(PROBLEMS + "not-found");
        body(get(admin(), "/v1/orders/" + UUID.randomUUID()), 404);
        body(post(customer(alice), "/v1/orders/" + UUID.randomUUID() + "/confirm-delivery", Map.of()), 404);
        body(patch(admin(), "/v1/orders/" + UUID.randomUUID() + "/status", Map.of("status", "ON_DELIVERY")), 404);
        body(client.delete().uri("/v1/orders/" + orderId).header("Authorization", admin()).exchange(), 405);

        assertValidation(get(customer(alice), "/v1/orders/me?size=0"), "size");
        assertValidation(get(customer(alice), "/v1/orders/me?size=101"), "size");
        assertValidation(get(customer(alice), "/v1/orders/me?page=-1"), "page");
        assertMalformed(get(customer(alice), "/v1/orders/me?page=first"));
        assertMalformed(get(customer(alice), "/v1/orders/me?sort=total,desc"));
        assertMalformed(get(customer(alice), "/v1/orders/me?sort=created_at,sideways"));
        assertMalformed(get(customer(alice), "/v1/orders/me?status=SHIPPED"));
        assertMalformed(get(admin(), "/v1/orders?sort=customer_email,asc"));
        assertValidation(get(admin(), "/v1/orders?from=2025-02-01&to=2025-01-01"), "from");
        assertMalformed(get(admin(), "/v1/orders?from=2025-13-01"));
        assertMalformed(get(admin(), "/v1/orders?user_id=alice"));
        assertValidation(get(admin(), "/v1/orders?q=" + "x".repeat(255)), "q");

        assertValidation(patch(admin(), "/v1/orders/" + orderId + "/status", Map.of("status", "REJECTED")), "status");
        assertValidation(patch(admin(), "/v1/orders/" + orderId + "/status", Map.of("note", "no status")), "status");
        assertValidation(patch(admin(), "/v1/orders/" + orderId + "/status", Map.of("status", "ON_DELIVERY", "note", "n".repeat(501))),
                "note");
        assertMalformed(patch(admin(), "/v1/orders/" + orderId + "/status", Map.of("status", "SHIPPED")));
        assertMalformed(patch(admin(), "/v1/orders/" + orderId + "/status", Map.of("status", "ON_DELIVERY", "version", "one")));
        assertValidation(post(customer(alice), "/v1/orders/" + seedOrder(alice, OrderStatus.PENDING_PAYMENT) + "/cancel",
                Map.of("reason", "r".repeat(501))), "reason");
        assertThat(status(orderId)).isEqualTo("PAID");
    }

    private JsonNode assertFieldError(Map<String, Object> request, String field) {
        JsonNode problem = body(checkout("bad-" + UUID.randomUUID(), request), 400);
        assertThat(problem.path("type").asString()).as(field).isEqualTo(PROBLEMS + "validation");
        assertThat(problem.path("errors").findValuesAsString("field")).as(problem.toString()).containsExactly(field);
        return problem;
    }

    private void assertQuoteFieldError(Map<String, Object> request, String field) {
        JsonNode problem = body(post(customer(UUID.randomUUID()), "/v1/orders/quote", request), 400);
        assertThat(problem.path("type").asString()).as(field).isEqualTo(PROBLEMS + "validation");
        assertThat(problem.path("errors").findValuesAsString("field")).as(problem.toString()).containsExactly(field);
    }

    private static void assertMalformed(org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec response) {
        JsonNode problem = body(response, 400);
        assertThat(problem.path("type").asString()).as(problem.toString()).isEqualTo(PROBLEMS + "malformed-request");
    }

    private static void assertValidation(org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec response,
                                         String field) {
        JsonNode problem = body(response, 400);
        assertThat(problem.path("type").asString()).as(problem.toString()).isEqualTo(PROBLEMS + "validation");
        assertThat(problem.path("errors").findValuesAsString("field")).as(problem.toString()).containsExactly(field);
    }

    private static List<UUID> ids(org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec response) {
        List<UUID> ids = new ArrayList<>();
        body(response, 200).path("items").forEach(item -> ids.add(UUID.fromString(item.path("id").asString())));
        return ids;
    }

    private void created(UUID orderId, String at) {
        jdbc.sql("UPDATE orders SET created_at = ? WHERE id = ?").params(Timestamp.from(Instant.parse(at)), orderId).update();
    }

    private void total(UUID orderId, String subtotal) {
        jdbc.sql("UPDATE orders SET subtotal = ?::numeric, total = ?::numeric + shipping_total WHERE id = ?")
                .params(subtotal, subtotal, orderId).update();
    }
}
