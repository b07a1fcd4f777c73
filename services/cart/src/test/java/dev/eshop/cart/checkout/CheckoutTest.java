package dev.eshop.cart.checkout;

import com.nimbusds.jwt.SignedJWT;
import dev.eshop.cart.CartTestSupport;
import dev.eshop.platform.testing.TestIssuer;
import dev.eshop.platform.testing.WithRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec;
import tools.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * Checkout (spec/services.md §3.5) against a stand-in for order's {@code POST /v1/orders} (§4.3–4.4): the
 * call carries the cart service's own client-credentials token, the customer and the customer's key; the
 * ordered lines leave the cart; the same key never makes a second order; and whatever order refuses (or
 * fails to answer) leaves the cart as it was.
 */
@WithRedis
class CheckoutTest extends CartTestSupport {

    private static final OrderStub ORDER = new OrderStub();

    @DynamicPropertySource
    static void order(DynamicPropertyRegistry registry) {
        registry.add("eshop.clients.order.base-url", ORDER::baseUrl);
    }

    @BeforeAll
    static void registerTheCartServiceAtTheIssuer() {
        TestIssuer.get().registerClient("cart-service", "cart-test-secret", "orders.create");
    }

    @AfterAll
    static void stopOrder() {
        ORDER.close();
    }

    @BeforeEach
    void freshOrder() {
        ORDER.reset();
    }

    @Test
    void theOrderIsPlacedWithTheServiceTokenForTheCustomerAndTheOrderedLinesLeaveTheCart() throws Exception {
        UUID user = UUID.randomUUID();
        UUID cx60 = product("Mazda CX-60", "70000.00", 5);
        UUID mt07 = product("Yamaha MT-07", "7999.99", 5);
        add(user, cx60, 2);
        add(user, mt07, 1);

        Map<String, Object> request = Map.of("address", address(), "expected_total", 3105.00);
        checkout(user, "checkout-1", request).expectStatus().isCreated().expectBody()
                .jsonPath("$.order_id").isNotEmpty()
                .jsonPath("$.status").isEqualTo("PENDING_PAYMENT")
                .jsonPath("$.total").isEqualTo(3105.0)
                .jsonPath("$.payment_due_at").isNotEmpty();

        assertThat(ORDER.received()).hasSize(1);
        OrderStub.Received call = ORDER.received().getFirst();
        assertThat(call.authorization()).startsWith("Bearer ");
        var claims = SignedJWT.parse(call.authorization().substring(7)).getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo("cart-service");
        assertThat(claims.getStringClaim("scope")).isEqualTo("orders.create");
        assertThat(call.idempotencyKey()).isEqualTo("checkout-1");
        JsonNode body = call.body();
        assertThat(body.path("user_id").asString()).isEqualTo(user.toString());
        assertThat(body.path("customer_email").asString()).isEqualTo("customer-" + user.toString().substring(0, 8) + "@example.com");
        assertThat(body.path("customer_name").asString()).isEqualTo("Customer " + user.toString().substring(0, 8));
        assertThat(body.path("lines")).hasSize(2);
        assertThat(body.path("lines").get(0).path("product_id").asString()).isEqualTo(cx60.toString());
        assertThat(body.path("lines").get(0).path("quantity").asInt()).isEqualTo(2);
        assertThat(body.path("lines").get(1).path("product_id").asString()).isEqualTo(mt07.toString());
        assertThat(body.path("lines").get(1).path("quantity").asInt()).isEqualTo(1);
        assertThat(body.path("address").path("zip_code").asString()).isEqualTo("10000");
        assertThat(body.path("address").path("note").asString()).isEqualTo("Please call me first");
        assertThat(body.path("expected_total").decimalValue()).isEqualByComparingTo("3105.00");
        assertThat(body.has("lines") && body.path("lines").get(0).has("unit_price")).as("no prices: order takes them from product").isFalse();

        assertThat(storedQuantities(user)).isEmpty();
        assertThat(quantities(user)).isEmpty();
        assertThat(redis.opsForHash().keys("cart:" + user)).containsExactly("_");
    }

    @Test
    void theSameKeyTwiceMakesOneOrder() {
        UUID user = UUID.randomUUID();
        add(user, product("Kia EV6", "45000.00", 3), 1);
        Map<String, Object> request = Map.of("address", address());

        String first = orderId(checkout(user, "double-click", request).expectStatus().isCreated());
        ResponseSpec second = checkout(user, "double-click", request).expectStatus().isCreated();
        second.expectHeader().valueEquals("Idempotent-Replayed", "true");
        assertThat(orderId(second)).isEqualTo(first);
        assertThat(ORDER.received()).hasSize(1);
        assertThat(jdbc.sql("SELECT count(*) FROM idempotency_record WHERE idem_key = 'double-click' AND status_code = 201")
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aLostReplyIsRetriedWithTheSameKeyAndOnlyTheOrderedLinesLeave() {
        UUID user = UUID.randomUUID();
        UUID ordered = product("Volvo XC40", "41000.00", 3);
        UUID addedLater = product("Vespa GTS 300", "7500.00", 3);
        add(user, ordered, 1);
        Map<String, Object> request = Map.of("address", address());

        ORDER.loseNextReply();
        checkout(user, "lost-reply", request).expectStatus().isEqualTo(503)
                .expectHeader().exists("Retry-After")
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "dependency-unavailable").jsonPath("$.dependency").isEqualTo("order");
        assertThat(storedQuantities(user)).containsExactly(entry(ordered.toString(), 1));

        // Meanwhile, in another tab, another vehicle goes into the cart; then the retry.
        add(user, addedLater, 1);
        checkout(user, "lost-reply", request).expectStatus().isCreated();

        assertThat(ORDER.received()).hasSize(2).allSatisfy(call -> assertThat(call.idempotencyKey()).isEqualTo("lost-reply"));
        assertThat(storedQuantities(user)).containsExactly(entry(addedLater.toString(), 1));
        assertThat(quantities(user)).containsExactly(entry(addedLater.toString(), 1));
    }

    @Test
    void whatOrderRefusesIsPassedOnAndTheCartStaysAsItWas() {
        UUID user = UUID.randomUUID();
        UUID cx60 = product("Mazda CX-60", "70000.00", 5);
        add(user, cx60, 2);
        Map<String, Object> request = Map.of("address", address(), "expected_total", 140000.00);

        ORDER.answerNext(409, "insufficient-stock", "Only 1 of Mazda CX-60 is available.", Map.of("short_products",
                List.of(Map.of("product_id", cx60, "name", "Mazda CX-60", "requested", 2, "available", 1))));
        checkout(user, "refused", request).expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "insufficient-stock")
                .jsonPath("$.detail").isEqualTo("Only 1 of Mazda CX-60 is available.")
                .jsonPath("$.short_products[0].product_id").isEqualTo(cx60.toString())
                .jsonPath("$.short_products[0].available").isEqualTo(1);

        ORDER.answerNext(409, "quote-changed", "Prices or shipping changed since you looked.",
                Map.of("quote", Map.of("subtotal", 2000.00, "shipping_total", 105.00, "total", 2105.00, "currency", "USD")));
        checkout(user, "refused", request).expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "quote-changed")
                .jsonPath("$.quote.total").isEqualTo(2105.0);

        ORDER.answerNext(409, "product-unavailable", "Mazda CX-60 is no longer sold.",
                Map.of("unavailable_products", List.of(Map.of("product_id", cx60, "name", "Mazda CX-60"))));
        checkout(user, "refused", request).expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "product-unavailable")
                .jsonPath("$.unavailable_products[0].name").isEqualTo("Mazda CX-60");

        ORDER.answerNext(503, "dependency-unavailable", "The warehouse service did not answer.", Map.of("dependency", "warehouse"));
        checkout(user, "refused", request).expectStatus().isEqualTo(503).expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "dependency-unavailable");

        // Order refusing the cart service's own token is not the customer's fault.
        ORDER.answerNext(403, "forbidden", "Your account may not do this.", Map.of());
        checkout(user, "refused", request).expectStatus().isEqualTo(503).expectBody()
                .jsonPath("$.dependency").isEqualTo("order");

        assertThat(ORDER.received()).hasSize(5);
        assertThat(storedQuantities(user)).containsExactly(entry(cx60.toString(), 2));
        assertThat(quantities(user)).containsExactly(entry(cx60.toString(), 2));

        // Nothing was stored for the key, so the corrected attempt may use it.
        checkout(user, "refused", request).expectStatus().isCreated();
        assertThat(storedQuantities(user)).isEmpty();
    }

    @Test
    void anEmptyCartCannotBeCheckedOut() {
        UUID user = UUID.randomUUID();
        checkout(user, "empty", Map.of("address", address())).expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "invalid-state")
                .jsonPath("$.detail").isEqualTo("Your cart is empty.")
                .jsonPath("$.current_status").isEmpty();

        UUID product = product("Fiat 500e", "29000.00", 2);
        add(user, product, 1);
        delete(customer(user), "/v1/carts/me").expectStatus().isOk();
        checkout(user, "emptied", Map.of("address", address())).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").isEqualTo("Your cart is empty.");
        assertThat(ORDER.received()).isEmpty();
    }

    @Test
    void checkoutNeedsAKeyAndAnAddress() {
        UUID user = UUID.randomUUID();
        add(user, product("Renault 5 E-Tech", "33000.00", 2), 1);

        client.post().uri("/v1/carts/checkout").header("Authorization", customer(user)).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("address", address())).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "malformed-request");
        Map<String, Object> badZip = new HashMap<>(address());
        badZip.put("zip_code", "1234");
        checkout(user, "bad-zip", Map.of("address", badZip)).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("address.zip_code")
                .jsonPath("$.errors[0].message").isEqualTo("must be exactly 5 digits");
        checkout(user, "no-address", Map.of()).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("address");
        checkout(user, "three-decimals", Map.of("address", address(), "expected_total", 100.001)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("expected_total");

        assertThat(ORDER.received()).isEmpty();
        assertThat(storedQuantities(user)).hasSize(1);
    }

    private ResponseSpec checkout(UUID user, String key, Object body) {
        return client.post().uri("/v1/carts/checkout").header("Authorization", customer(user)).header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }

    @SuppressWarnings("unchecked")
    private static String orderId(ResponseSpec response) {
        return (String) response.expectBody(Map.class).returnResult().getResponseBody().get("order_id");
    }

    private static Map<String, Object> address() {
        return Map.of("street", "12 Harbor Road", "city", "Springfield", "state", "IL", "zip_code", "10000", "note", "Please call me first");
    }
}
