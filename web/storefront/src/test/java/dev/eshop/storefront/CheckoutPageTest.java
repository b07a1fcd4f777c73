package dev.eshop.storefront;

import dev.eshop.platform.testing.web.FakeServices;
import dev.eshop.platform.testing.web.Visitor;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Checkout (spec/ui.md §1.7, flows.md §1.4). */
class CheckoutPageTest extends StorefrontTestSupport {

    private final UUID cx60 = UUID.randomUUID();

    @BeforeEach
    void aCartWithOneVehicle() {
        services.answer("GET", "/v1/carts/me", 200, Samples.cart(Samples.cartLine(cx60, "Mazda CX-60", "68500.00", 1, 6, null, null)));
        services.answer("POST", "/v1/orders/quote", 200, Samples.quote("Mazda CX-60", "68500.00", 1, "105.00"));
    }

    @Test
    void signedOutCheckoutSignsInFirstAndAnAdminIsRefused() {
        assertThat(visitor().get("/checkout").redirect()).isEqualTo("/login?return=%2Fcheckout");

        var admin = overHttp("GET", "/checkout", admin().session(), null);
        assertThat(admin.statusCode()).isEqualTo(403);
        assertThat(Jsoup.parse(admin.body()).text()).contains("Admin accounts cannot place orders.");
    }

    @Test
    void anEmptyCartGoesBackToTheCart() {
        services.answer("GET", "/v1/carts/me", 200, Samples.cart());
        Visitor customer = customer();

        Visitor.Page page = customer.get("/checkout");

        assertThat(page.redirect()).isEqualTo("/cart");
        assertThat(customer.get("/cart").document().selectFirst("#messages [role=alert]").text()).isEqualTo("Your cart is empty.");
    }

    @Test
    void withoutAnEarlierOrderTheFormIsEmptyAndAsksForTheZipCode() {
        Document page = customer().get("/checkout").document();

        assertThat(page.title()).isEqualTo("Checkout — Eshop");
        assertThat(page.select("#checkout-form label").eachText()).containsExactly("Street (required)", "City (required)",
                "State (required)", "Zip code (required)", "Delivery note");
        Element zip = page.selectFirst("#zip_code");
        assertThat(zip.attr("inputmode")).isEqualTo("numeric");
        assertThat(zip.attr("pattern")).isEqualTo("[0-9]{5}");
        assertThat(zip.attr("maxlength")).isEqualTo("5");
        assertThat(zip.attr("aria-describedby")).isEqualTo("zip_code-hint");
        assertThat(page.selectFirst("#zip_code-hint").text()).isEqualTo("5 digits");
        assertThat(page.selectFirst("#note").attr("placeholder")).isEqualTo("Please call me first");
        assertThat(page.selectFirst("button:contains(Calculate shipping)").attr("formaction")).isEqualTo("/checkout/quote");
        assertThat(page.text()).contains("Enter your zip code to see the shipping cost and the total.");
        assertThat(page.select("button:contains(Place order)")).as("no order without a total").isEmpty();
        assertThat(services.requests("POST", "/v1/orders/quote")).isEmpty();
    }

    @Test
    void theLastOrdersAddressIsFilledInAndQuoted() {
        UUID last = UUID.randomUUID();
        services.answer("GET", "/v1/orders/me", 200, Samples.page(0, 1, 3, """
                {"id":"%s","status":"DELIVERED","total":1000.00,"currency":"USD","line_count":1,"item_count":1,"first_item_name":"X",
                 "thumbnail_url":null,"payment_due_at":null,"created_at":"2025-01-09T08:01:46Z"}""".formatted(last)));
        services.answer("GET", "/v1/orders/" + last, 200, Samples.order(last, "DELIVERED", "1000.00", Instant.now(), null, null, List.of()));

        Document page = customer().get("/checkout").document();

        assertThat(page.selectFirst("#street").val()).isEqualTo("1 Main Street");
        assertThat(page.selectFirst("#zip_code").val()).isEqualTo("10000");
        assertThat(page.selectFirst("#note").val()).isEqualTo("Please call me first");
        assertThat(services.last("GET", "/v1/orders/me").param("size")).isEqualTo("1");
        FakeServices.Request quote = services.last("POST", "/v1/orders/quote");
        assertThat(quote.json().path("zip_code").asString()).isEqualTo("10000");
        assertThat(quote.json().path("lines").get(0).path("product_id").asString()).isEqualTo(cx60.toString());
        assertThat(quote.json().path("lines").get(0).path("quantity").asInt()).isEqualTo(1);
        assertThat(page.selectFirst(".shipments").text()).isEqualTo("From Central warehouse, 1 vehicle — $105.00");
        assertThat(page.selectFirst(".totals").text()).isEqualTo("Subtotal $68,500.00 Shipping $105.00 Total $68,605.00");
        assertThat(page.selectFirst("input[name=expected_total]").val()).isEqualTo("68605.00");
        assertThat(page.selectFirst("button:contains(Place order)").attr("form")).isEqualTo("checkout-form");
    }

    @Test
    void calculatingShippingWithoutJavaScriptShowsTheQuoteAndKeepsTheValues() {
        Visitor customer = customer();
        Visitor.Page page = customer.get("/checkout");

        Visitor.Page quoted = customer.submit(page.form("#checkout-form").attr("action", "/checkout/quote"),
                Map.of("street", "5 Elm Road", "city", "Albany", "state", "New York", "zip_code", "10250"));

        Document result = quoted.document();
        assertThat(result.selectFirst("#street").val()).isEqualTo("5 Elm Road");
        assertThat(result.selectFirst("#zip_code").val()).isEqualTo("10250");
        assertThat(result.selectFirst(".totals .total:last-child").text()).isEqualTo("$68,605.00");
        assertThat(services.last("POST", "/v1/orders/quote").json().path("zip_code").asString()).isEqualTo("10250");
    }

    @Test
    void withHtmxTheQuoteReplacesTheSummaryAlone() {
        Visitor customer = customer();
        Visitor.Page page = customer.get("/checkout");

        Visitor.Page summary = customer.htmx().submit(page.form("#checkout-form").attr("action", "/checkout/quote"),
                Map.of("zip_code", "10250"));

        assertThat(summary.html()).doesNotContain("<html");
        Document fragments = summary.document();
        assertThat(fragments.selectFirst("section#summary .totals").text()).contains("Total $68,605.00");
        assertThat(fragments.selectFirst("#zip-field[hx-swap-oob=true] #zip_code").val()).isEqualTo("10250");
        assertThat(fragments.select("#checkout-form")).isEmpty();
    }

    @Test
    void aZipCodeOrderRefusesIsShownNextToTheFieldWithTheValuesKept() {
        services.answer("POST", "/v1/orders/quote", 400, Samples.problem(400, "validation", "The request has invalid fields.",
                "\"errors\":[{\"field\":\"zip_code\",\"message\":\"must be exactly 5 digits\"}]"));
        Visitor customer = customer();
        Visitor.Page page = customer.get("/checkout");

        Visitor.Page refused = customer.submit(page.form("#checkout-form").attr("action", "/checkout/quote"),
                Map.of("street", "5 Elm Road", "zip_code", "00000"));

        Document result = refused.document();
        assertThat(result.selectFirst("#zip_code-error").text()).isEqualTo("Zip code must be exactly 5 digits.");
        assertThat(result.selectFirst("#zip_code").attr("aria-invalid")).isEqualTo("true");
        assertThat(result.selectFirst("#zip_code").attr("aria-describedby")).isEqualTo("zip_code-hint zip_code-error");
        assertThat(result.selectFirst("#street").val()).isEqualTo("5 Elm Road");
        assertThat(result.selectFirst(".error-summary a[href=#zip_code]").text()).isEqualTo("Zip code must be exactly 5 digits.");
    }

    @Test
    void placingTheOrderSendsAddressTotalAndKeyThenGoesToTheOrder() {
        UUID orderId = UUID.randomUUID();
        Instant due = Instant.now().plus(24, ChronoUnit.HOURS);
        services.answer("POST", "/v1/carts/checkout", 201, """
                {"order_id":"%s","status":"PENDING_PAYMENT","total":68605.00,"payment_due_at":"%s"}""".formatted(orderId, due));
        services.answer("GET", "/v1/orders/" + orderId, 200, Samples.order(orderId, "PENDING_PAYMENT", "68605.00", due, 86400L, null,
                List.of("CANCEL", "UPLOAD_PAYMENT"), ">PENDING_PAYMENT@2025-01-09T08:01:46Z"));
        Visitor customer = customer();
        Visitor.Page page = customer.get("/checkout");
        Visitor.Page quoted = customer.submit(page.form("#checkout-form").attr("action", "/checkout/quote"),
                Map.of("street", "5 Elm Road", "city", "Albany", "state", "New York", "zip_code", "10250", "note", "Ring twice"));
        String key = quoted.form("#checkout-form").selectFirst("input[name=idempotency_key]").val();

        Visitor.Page placed = customer.submit(quoted.form("#checkout-form").attr("action", "/checkout"));

        assertThat(placed.redirect()).isEqualTo("/orders/" + orderId);
        FakeServices.Request checkout = services.last("POST", "/v1/carts/checkout");
        assertThat(checkout.header("Idempotency-Key")).isEqualTo(key).isEqualTo(page.form("#checkout-form")
                .selectFirst("input[name=idempotency_key]").val());
        assertThat(checkout.json().path("expected_total").decimalValue()).isEqualByComparingTo("68605.00");
        assertThat(checkout.json().path("address").path("street").asString()).isEqualTo("5 Elm Road");
        assertThat(checkout.json().path("address").path("zip_code").asString()).isEqualTo("10250");
        assertThat(checkout.json().path("address").path("note").asString()).isEqualTo("Ring twice");
        assertThat(customer.get("/orders/" + orderId).document().selectFirst("#messages").text())
                .isEqualTo("Order placed. Please pay $68,605.00 within 24 hours.");
    }

    @Test
    void aChangedTotalShowsTheNewQuoteAndAsksToConfirmAgain() {
        services.answer("POST", "/v1/carts/checkout", 409, Samples.problem(409, "quote-changed",
                "Prices or shipping changed since you looked: the total is now 69605.00 USD, not 68605.00 USD.",
                "\"quote\":" + Samples.quote("Mazda CX-60", "69500.00", 1, "105.00")));
        Visitor customer = customer();
        Visitor.Page quoted = customer.submit(customer.get("/checkout").form("#checkout-form").attr("action", "/checkout/quote"),
                Map.of("street", "5 Elm Road", "city", "Albany", "state", "New York", "zip_code", "10250"));

        Visitor.Page answer = customer.submit(quoted.form("#checkout-form").attr("action", "/checkout"));

        assertThat(answer.status()).isEqualTo(409);
        Document page = answer.document();
        assertThat(page.selectFirst("#summary [role=alert]").text())
                .isEqualTo("Prices or shipping changed since you looked. Please check and place the order again.");
        assertThat(page.selectFirst(".totals").text()).contains("Total $69,605.00");
        assertThat(page.selectFirst("input[name=expected_total]").val()).isEqualTo("69605.00");
        assertThat(page.selectFirst("#street").val()).isEqualTo("5 Elm Road");
    }

    @Test
    void shortStockIsListedPerVehicleWithTheWayBackToTheCart() {
        services.answer("POST", "/v1/orders/quote", 409, Samples.problem(409, "insufficient-stock", "Only 2 of Honda CB650R are available.",
                "\"short_products\":[{\"product_id\":\"" + cx60 + "\",\"name\":\"Honda CB650R\",\"requested\":3,\"available\":2},"
                        + "{\"product_id\":\"" + UUID.randomUUID() + "\",\"name\":\"Mazda CX-60\",\"requested\":1,\"available\":0}]"));
        Visitor customer = customer();

        Visitor.Page page = customer.submit(customer.get("/checkout").form("#checkout-form").attr("action", "/checkout/quote"),
                Map.of("zip_code", "10250"));

        assertThat(page.document().select("#summary ul.alert li span").eachText())
                .containsExactly("Only 2 of Honda CB650R are available.", "Mazda CX-60 is out of stock.");
        assertThat(page.document().select("#summary ul.alert a").eachAttr("href")).containsOnly("/cart");
        assertThat(page.document().select("button:contains(Place order)")).isEmpty();
    }

    @Test
    void aVehicleNoLongerSoldIsNamed() {
        services.answer("POST", "/v1/carts/checkout", 409, Samples.problem(409, "product-unavailable", "Yamaha XSR155 is no longer sold.",
                "\"unavailable_products\":[{\"product_id\":\"" + cx60 + "\",\"name\":\"Yamaha XSR155\"}]"));
        Visitor customer = customer();
        Visitor.Page quoted = customer.submit(customer.get("/checkout").form("#checkout-form").attr("action", "/checkout/quote"),
                Map.of("street", "5 Elm Road", "city", "Albany", "state", "New York", "zip_code", "10250"));

        Visitor.Page answer = customer.submit(quoted.form("#checkout-form").attr("action", "/checkout"));

        assertThat(answer.document().selectFirst("#summary ul.alert").text())
                .isEqualTo("Yamaha XSR155 is no longer sold. Remove it from your cart. Back to your cart");
    }

    @Test
    void whenTheOrderCannotBePlacedNowNothingIsChargedAndTheKeyIsKeptForTheRetry() {
        services.answer("POST", "/v1/carts/checkout", 503, Samples.problem(503, "dependency-unavailable", "order did not answer", null));
        Visitor customer = customer();
        Visitor.Page quoted = customer.submit(customer.get("/checkout").form("#checkout-form").attr("action", "/checkout/quote"),
                Map.of("street", "5 Elm Road", "city", "Albany", "state", "New York", "zip_code", "10250"));
        String key = quoted.form("#checkout-form").selectFirst("input[name=idempotency_key]").val();

        Visitor.Page answer = customer.submit(quoted.form("#checkout-form").attr("action", "/checkout"));

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.document().selectFirst("#summary [role=alert]").text())
                .isEqualTo("We could not place your order just now. Nothing was charged; please try again.");
        assertThat(answer.form("#checkout-form").selectFirst("input[name=idempotency_key]").val()).isEqualTo(key);
        assertThat(answer.document().select("button:contains(Place order)")).hasSize(1);
    }

    @Test
    void theCartsFieldProblemsGoNextToTheirFields() {
        services.answer("POST", "/v1/carts/checkout", 400, Samples.problem(400, "validation", "The request has invalid fields.",
                "\"errors\":[{\"field\":\"address.street\",\"message\":\"must not be blank\"},"
                        + "{\"field\":\"address.zip_code\",\"message\":\"must be exactly 5 digits\"}]"));
        Visitor customer = customer();
        Visitor.Page page = customer.get("/checkout");

        Visitor.Page answer = customer.submit(page.form("#checkout-form"), Map.of("city", "Albany", "zip_code", "123"));

        assertThat(answer.status()).isEqualTo(400);
        Document refused = answer.document();
        assertThat(refused.selectFirst("#street-error").text()).isEqualTo("Street must not be blank.");
        assertThat(refused.selectFirst("#zip_code-error").text()).isEqualTo("Zip code must be exactly 5 digits.");
        assertThat(refused.selectFirst("#city").val()).isEqualTo("Albany");
        assertThat(refused.select(".error-summary a").eachAttr("href")).containsExactly("#street", "#zip_code");
    }

    @Test
    void aCartEmptiedInAnotherTabGoesBackToTheCart() {
        services.answer("POST", "/v1/carts/checkout", 409, Samples.problem(409, "invalid-state", "Your cart is empty.", "\"current_status\":null"));
        Visitor customer = customer();
        Visitor.Page page = customer.get("/checkout");

        Visitor.Page answer = customer.submit(page.form("#checkout-form"), Map.of("street", "a", "city", "b", "state", "c", "zip_code", "10250"));

        assertThat(answer.redirect()).isEqualTo("/cart");
    }
}
