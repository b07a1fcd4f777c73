package dev.eshop.cart;

import dev.eshop.platform.testing.KafkaTestClient;
import dev.eshop.platform.testing.WithRedis;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * A customer's cart over real HTTP, MariaDB and Redis (spec/services.md §3.2–3.4), and the product events
 * that keep the local product copy current (§3.6, events.md §3.2–3.3).
 */
@WithRedis
class CartTest extends CartTestSupport {

    private static final String LINES = "/v1/carts/me/lines";

    @Test
    void twoCustomersCartsNeverMix() {
        UUID alice = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        UUID cx60 = product("Mazda CX-60", "70000.00", 5);
        UUID cb650 = product("Honda CB650R", "9000.00", 5);

        add(alice, cx60, 2);
        add(bob, cx60, 1);
        add(bob, cb650, 1);

        assertThat(quantities(alice)).containsExactly(entry(cx60.toString(), 2));
        assertThat(quantities(bob)).containsExactly(entry(cx60.toString(), 1), entry(cb650.toString(), 1));
        get(customer(alice), "/v1/carts/me").expectBody().jsonPath("$.user_id").isEqualTo(alice.toString());
        // One hash per customer (the original kept one per product, shared by everybody).
        assertThat(redis.opsForHash().keys("cart:" + alice)).containsExactlyInAnyOrder("_", cx60.toString());
        assertThat(redis.opsForHash().keys("cart:" + bob)).containsExactlyInAnyOrder("_", cx60.toString(), cb650.toString());

        delete(customer(bob), LINES + "/" + cx60).expectStatus().isOk();
        delete(customer(bob), "/v1/carts/me").expectStatus().isOk().expectBody().jsonPath("$.lines").isEmpty();
        assertThat(quantities(alice)).containsExactly(entry(cx60.toString(), 2));
        assertThat(storedQuantities(alice)).containsExactly(entry(cx60.toString(), 2));
        assertThat(storedQuantities(bob)).isEmpty();
    }

    @Test
    void addingAProductAgainAddsToItsLineAndEveryTotalFollows() {
        UUID user = UUID.randomUUID();
        UUID cx60 = product("Mazda CX-60", "70000.00", 6);
        UUID mt07 = product("Yamaha MT-07", "7999.99", 4);

        post(customer(user), LINES, Map.of("product_id", cx60, "quantity", 2, "note", "  Soul Red, please  ")).expectStatus().isOk();
        post(customer(user), LINES, Map.of("product_id", cx60, "quantity", 3)).expectStatus().isOk();
        post(customer(user), LINES, Map.of("product_id", mt07)).expectStatus().isOk()
                .expectBody()
                .jsonPath("$.lines.length()").isEqualTo(2)
                .jsonPath("$.lines[0].product_id").isEqualTo(cx60.toString())
                .jsonPath("$.lines[0].product_name").isEqualTo("Mazda CX-60")
                .jsonPath("$.lines[0].image_url").isEqualTo("https://cdn.eshop.example/" + cx60 + "-thumb.jpg")
                .jsonPath("$.lines[0].quantity").isEqualTo(5)
                .jsonPath("$.lines[0].note").isEqualTo("Soul Red, please")
                .jsonPath("$.lines[0].stock").isEqualTo(6)
                .jsonPath("$.lines[0].max_quantity").isEqualTo(6)
                .jsonPath("$.lines[0].problem").isEmpty()
                .jsonPath("$.lines[1].quantity").isEqualTo(1)
                .jsonPath("$.lines[1].max_quantity").isEqualTo(4)
                .jsonPath("$.total_quantity").isEqualTo(6);
        String body = raw(user);
        assertThat(body).contains("\"unit_price\":70000.00", "\"line_total\":350000.00", "\"unit_price\":7999.99",
                "\"subtotal\":357999.99");

        // A note given again replaces the old one; an empty one clears it.
        post(customer(user), LINES, Map.of("product_id", cx60, "quantity", 1, "note", "Blue instead")).expectStatus().isOk()
                .expectBody().jsonPath("$.lines[0].quantity").isEqualTo(6).jsonPath("$.lines[0].note").isEqualTo("Blue instead");
        patch(customer(user), LINES + "/" + cx60, Map.of("note", "")).expectStatus().isOk()
                .expectBody().jsonPath("$.lines[0].note").isEmpty().jsonPath("$.lines[0].quantity").isEqualTo(6);
        patch(customer(user), LINES + "/" + cx60, Map.of("quantity", 2, "note", "Ready by Friday")).expectStatus().isOk()
                .expectBody().jsonPath("$.lines[0].quantity").isEqualTo(2).jsonPath("$.lines[0].note").isEqualTo("Ready by Friday");
        assertThat(storedQuantities(user)).containsExactly(entry(cx60.toString(), 2), entry(mt07.toString(), 1));
    }

    @Test
    void quantitiesAboveTheLimitOrTheStockAreRefused() {
        UUID user = UUID.randomUUID();
        UUID plenty = product("Kawasaki Z900", "9500.00", 50);
        UUID few = product("Ducati Panigale V4", "28000.00", 3);

        post(customer(user), LINES, Map.of("product_id", plenty, "quantity", 11)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "validation")
                .jsonPath("$.errors[0].field").isEqualTo("quantity");
        post(customer(user), LINES, Map.of("product_id", plenty, "quantity", 0)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("quantity");

        add(user, plenty, 8);
        post(customer(user), LINES, Map.of("product_id", plenty, "quantity", 3)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "validation")
                .jsonPath("$.detail").isEqualTo("You can have at most 10 of one vehicle; you already have 8.")
                .jsonPath("$.errors[0].field").isEqualTo("quantity")
                .jsonPath("$.errors[0].message").isEqualTo("You can have at most 10 of one vehicle; you already have 8.");
        add(user, plenty, 2);
        patch(customer(user), LINES + "/" + plenty, Map.of("quantity", 11)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("quantity");

        add(user, few, 2);
        post(customer(user), LINES, Map.of("product_id", few, "quantity", 2)).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "insufficient-stock")
                .jsonPath("$.detail").isEqualTo("Only 3 of Ducati Panigale V4 are available.")
                .jsonPath("$.short_products[0].product_id").isEqualTo(few.toString())
                .jsonPath("$.short_products[0].name").isEqualTo("Ducati Panigale V4")
                .jsonPath("$.short_products[0].requested").isEqualTo(4)
                .jsonPath("$.short_products[0].available").isEqualTo(3);
        patch(customer(user), LINES + "/" + few, Map.of("quantity", 4)).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "insufficient-stock");

        assertThat(storedQuantities(user)).containsExactly(entry(plenty.toString(), 10), entry(few.toString(), 2));
        assertThat(quantities(user)).containsExactly(entry(plenty.toString(), 10), entry(few.toString(), 2));
    }

    @Test
    void badRequestsChangeNothing() {
        UUID user = UUID.randomUUID();
        UUID cx60 = product("Mazda CX-60", "70000.00", 5);

        post(customer(user), LINES, Map.of("product_id", cx60, "note", "x".repeat(201))).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("note");
        post(customer(user), LINES, Map.of("quantity", 1)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("product_id");
        post(customer(user), LINES, Map.of("product_id", "not-a-uuid")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "malformed-request");
        post(customer(user), LINES, Map.of("product_id", UUID.randomUUID())).expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "not-found");
        assertThat(storedQuantities(user)).isEmpty();

        post(customer(user), LINES, Map.of("product_id", cx60, "note", "n".repeat(200))).expectStatus().isOk();
        patch(customer(user), LINES + "/" + cx60, Map.of("note", "y".repeat(201))).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("note");
        patch(customer(user), LINES + "/" + cx60, Map.of()).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "validation");
        patch(customer(user), LINES + "/" + UUID.randomUUID(), Map.of("quantity", 1)).expectStatus().isNotFound();
        patch(customer(user), LINES + "/not-a-uuid", Map.of("quantity", 1)).expectStatus().isBadRequest();
        delete(customer(user), LINES + "/" + UUID.randomUUID()).expectStatus().isOk()
                .expectBody().jsonPath("$.lines.length()").isEqualTo(1);
        get(customer(user), "/v1/carts/me").expectBody().jsonPath("$.lines[0].note").isEqualTo("n".repeat(200));
    }

    @Test
    void removeAndClear() {
        UUID user = UUID.randomUUID();
        UUID first = product("BMW R 1250 GS", "21000.00", 5);
        UUID second = product("Triumph Street Triple", "12500.00", 5);
        UUID third = product("KTM 390 Duke", "6200.00", 5);
        add(user, first, 1);
        add(user, second, 2);
        add(user, third, 3);

        delete(customer(user), LINES + "/" + second).expectStatus().isOk()
                .expectBody().jsonPath("$.lines.length()").isEqualTo(2).jsonPath("$.total_quantity").isEqualTo(4);
        delete(customer(user), LINES + "/" + second).expectStatus().isOk();
        assertThat(quantities(user)).containsExactly(entry(first.toString(), 1), entry(third.toString(), 3));

        delete(customer(user), "/v1/carts/me").expectStatus().isOk()
                .expectBody().jsonPath("$.lines").isArray().jsonPath("$.lines").isEmpty()
                .jsonPath("$.total_quantity").isEqualTo(0).jsonPath("$.subtotal").isEqualTo(0);
        assertThat(storedQuantities(user)).isEmpty();
        assertThat(redis.opsForHash().keys("cart:" + user)).containsExactly("_");
        get(customer(user), "/v1/carts/me").expectStatus().isOk().expectBody().jsonPath("$.lines").isEmpty();
        get(customer(UUID.randomUUID()), "/v1/carts/me").expectStatus().isOk().expectBody()
                .jsonPath("$.lines").isEmpty().jsonPath("$.updated_at").isEmpty();
    }

    @Test
    void aCartHoldsAtMostTwentyVehiclesAndAnIdempotencyKeyAddsOnce() {
        UUID user = UUID.randomUUID();
        for (int i = 0; i < 20; i++) {
            add(user, product("Vehicle " + i, "1000.00", 5), 1);
        }
        UUID oneTooMany = product("Vehicle 20", "1000.00", 5);
        post(customer(user), LINES, Map.of("product_id", oneTooMany)).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "rule-violated").jsonPath("$.rule").isEqualTo("max-lines");

        UUID other = UUID.randomUUID();
        String token = customer(other);
        for (int i = 0; i < 2; i++) {
            client.post().uri(LINES).header("Authorization", token).header("Idempotency-Key", "add-once")
                    .contentType(MediaType.APPLICATION_JSON).body(Map.of("product_id", oneTooMany, "quantity", 2)).exchange()
                    .expectStatus().isOk().expectBody().jsonPath("$.lines[0].quantity").isEqualTo(2);
        }
        client.post().uri(LINES).header("Authorization", token).header("Idempotency-Key", "add-once")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("product_id", oneTooMany, "quantity", 2)).exchange()
                .expectHeader().valueEquals("Idempotent-Replayed", "true");
        client.post().uri(LINES).header("Authorization", token).header("Idempotency-Key", "add-once")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("product_id", oneTooMany, "quantity", 3)).exchange()
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "idempotency-key-reused");
        assertThat(storedQuantities(other)).containsExactly(entry(oneTooMany.toString(), 2));
    }

    @Test
    void concurrentChangesOfOneCartAllCountAndRedisEndsWithWhatMySqlHas() throws Exception {
        UUID user = UUID.randomUUID();
        UUID popular = product("Tesla Model Y", "45000.00", 30);
        List<UUID> others = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            others.add(product("Vehicle " + i, "1000.00", 5));
        }
        String token = customer(user);
        HttpClient http = HttpClient.newHttpClient();
        List<Future<Integer>> answers = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(18)) {
            for (int i = 0; i < 18; i++) {
                UUID productId = i < 12 ? popular : others.get(i - 12);
                HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + LINES))
                        .header("Authorization", token).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"product_id\":\"" + productId + "\",\"quantity\":1}")).build();
                answers.add(pool.submit(() -> {
                    start.await();
                    return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                }));
            }
            start.countDown();
        }
        List<Integer> statuses = new ArrayList<>();
        for (var answer : answers) {
            statuses.add(answer.get());
        }

        // 12 units of one vehicle asked for, 10 allowed; 6 other vehicles once each.
        assertThat(statuses).filteredOn(status -> status == 200).hasSize(16);
        assertThat(statuses).filteredOn(status -> status == 400).hasSize(2);
        Map<String, Integer> stored = storedQuantities(user);
        assertThat(stored).hasSize(7).containsEntry(popular.toString(), 10);
        long version = jdbc.sql("SELECT version FROM carts WHERE user_id = ?").param(user.toString()).query(Long.class).single();
        assertThat(version).isEqualTo(16);
        assertThat((String) redis.opsForHash().get("cart:" + user, "_")).contains("\"version\":16");
        assertThat(redis.opsForHash().keys("cart:" + user)).hasSize(8);
        assertThat((String) redis.opsForHash().get("cart:" + user, popular.toString())).contains("\"quantity\":10");
        assertThat(quantities(user)).isEqualTo(stored);
    }

    @Test
    void aChangedProductShowsInEveryCartHoldingIt() {
        UUID alice = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        UUID product = UUID.randomUUID();
        awaitHandled(publishUpdated(product, "Mazda CX-60", "70000.00", 6, 1));
        add(alice, product, 2);
        add(bob, product, 1);
        cart(alice);
        cart(bob);

        awaitApplied(publishUpdated(product, "Mazda CX-60 PHEV", "68500.00", 6, 2), product, 2);
        for (UUID user : List.of(alice, bob)) {
            get(customer(user), "/v1/carts/me").expectStatus().isOk().expectBody()
                    .jsonPath("$.lines[0].product_name").isEqualTo("Mazda CX-60 PHEV")
                    .jsonPath("$.lines[0].image_url").isEqualTo("https://cdn.eshop.example/product-images/" + product + "-v2-thumb.jpg");
        }
        assertThat(raw(alice)).contains("\"unit_price\":68500.00", "\"subtotal\":137000.00");
        assertThat(redis.opsForValue().get("cart-product:" + product)).contains("\"version\":2", "\"price\":68500.00");

        // Stock drops below a line: the line is flagged, never changed.
        awaitApplied(publishUpdated(product, "Mazda CX-60 PHEV", "68500.00", 1, 3), product, 3);
        get(customer(alice), "/v1/carts/me").expectBody()
                .jsonPath("$.lines[0].quantity").isEqualTo(2)
                .jsonPath("$.lines[0].stock").isEqualTo(1)
                .jsonPath("$.lines[0].max_quantity").isEqualTo(1)
                .jsonPath("$.lines[0].problem").isEqualTo("EXCEEDS_STOCK");
        get(customer(bob), "/v1/carts/me").expectBody().jsonPath("$.lines[0].problem").isEmpty();
        awaitApplied(publishUpdated(product, "Mazda CX-60 PHEV", "68500.00", 0, 4), product, 4);
        get(customer(bob), "/v1/carts/me").expectBody()
                .jsonPath("$.lines[0].problem").isEqualTo("OUT_OF_STOCK").jsonPath("$.lines[0].max_quantity").isEqualTo(0);
        assertThat(storedQuantities(alice)).containsExactly(entry(product.toString(), 2));
    }

    @Test
    void aDeletedProductLeavesEveryCartForGood() {
        UUID alice = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        UUID doomed = UUID.randomUUID();
        UUID kept = product("Honda Africa Twin", "14500.00", 3);
        awaitHandled(publishUpdated(doomed, "Yamaha XSR155", "3500.00", 4, 1));
        add(alice, doomed, 1);
        add(alice, kept, 1);
        add(bob, doomed, 2);
        cart(alice);

        awaitApplied(publishDeleted(doomed, 2), doomed, 2);

        assertThat(storedQuantities(alice)).containsExactly(entry(kept.toString(), 1));
        assertThat(storedQuantities(bob)).isEmpty();
        assertThat(redis.opsForHash().keys("cart:" + alice)).doesNotContain(doomed.toString());
        assertThat(quantities(alice)).containsExactly(entry(kept.toString(), 1));
        assertThat(quantities(bob)).isEmpty();
        assertThat(redis.opsForValue().get("cart-product:" + doomed)).contains("\"deleted\":true");
        post(customer(alice), LINES, Map.of("product_id", doomed)).expectStatus().isNotFound();

        // A product-updated arriving after the deletion (a replay, or a stock change) does not bring it back.
        awaitHandled(publishUpdated(doomed, "Yamaha XSR155", "3500.00", 4, 3));
        post(customer(alice), LINES, Map.of("product_id", doomed)).expectStatus().isNotFound();
        assertThat(jdbc.sql("SELECT deleted FROM cart_products WHERE product_id = ?").param(doomed.toString())
                .query(Boolean.class).single()).isTrue();

        // Deleted before cart ever heard of it: an older product-updated cannot make it addable.
        UUID unseen = UUID.randomUUID();
        awaitHandled(publishDeleted(unseen, 5));
        awaitHandled(publishUpdated(unseen, "Suzuki Hayabusa", "19000.00", 2, 4));
        post(customer(alice), LINES, Map.of("product_id", unseen)).expectStatus().isNotFound();
    }

    @Test
    void aRedeliveredOrOlderEventChangesNothing() {
        UUID user = UUID.randomUUID();
        UUID product = UUID.randomUUID();
        awaitHandled(publishUpdated(product, "Triumph Bonneville", "12000.00", 5, 1));
        add(user, product, 1);
        UUID third = publishUpdated(product, "Triumph Bonneville T120", "11500.00", 5, 3);
        awaitHandled(third);

        // Older and equal versions under new ids: the version guard.
        awaitHandled(publishUpdated(product, "Triumph (older)", "9000.00", 5, 2));
        awaitHandled(publishUpdated(product, "Triumph (same version)", "9000.00", 5, 3));
        // The same ce_id again (a redelivery; its content made different here, to see it is skipped): the inbox.
        kafka.publish("product-updated", product.toString(), productUpdatedJson(product, "Triumph (redelivered)", "1.00", 5, 9),
                KafkaTestClient.cloudEventHeaders(third, "eshop.product.updated.v1", product.toString()));
        // A newer event behind it on the same partition: once it is handled, so is the redelivery. Had the
        // redelivery been applied (version 9), this one (version 4) would be ignored.
        awaitApplied(publishUpdated(product, "Triumph Bonneville T120 Black", "11600.00", 5, 4), product, 4);

        get(customer(user), "/v1/carts/me").expectBody().jsonPath("$.lines[0].product_name").isEqualTo("Triumph Bonneville T120 Black");
        assertThat(raw(user)).contains("\"unit_price\":11600.00");
        assertThat(jdbc.sql("SELECT version FROM cart_products WHERE product_id = ?").param(product.toString())
                .query(Long.class).single()).isEqualTo(4);
        assertThat(jdbc.sql("SELECT count(*) FROM processed_event WHERE event_id = ?").param(third.toString())
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(new BigDecimal(jdbc.sql("SELECT price FROM cart_products WHERE product_id = ?").param(product.toString())
                .query(String.class).single())).isEqualByComparingTo("11600.00");
    }

    /** The customer's cart as the JSON text the API answers (to see amounts with their two decimals). */
    private String raw(UUID user) {
        return get(customer(user), "/v1/carts/me").expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }
}
