package dev.eshop.storefront;

import dev.eshop.platform.testing.web.FakeServices;
import dev.eshop.platform.testing.web.Visitor;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The product page and its "Add to cart" form (spec/ui.md §1.5, flows.md §1.3). */
class ProductPageTest extends StorefrontTestSupport {

    private static final String ATTRIBUTES = """
            {"top_case":true,"mileage_km":12000,"brand":"Mazda","fuel":"plug_in_hybrid","seats":5,"model":"CX-60","year":2024,
             "transmission":"automatic","engine_cc":2488,"power_hp":327,"color":"Soul red","tow_rating":"2500 kg"}""";

    private UUID productOnSale(int stock) {
        UUID id = UUID.randomUUID();
        services.answer("GET", "/v1/products/" + id, 200, Samples.productDetail(id, "Mazda CX-60", "70000.00", stock, ATTRIBUTES,
                "A comfortable SUV.\n\nPlug-in hybrid with 63 km of electric range."));
        return id;
    }

    @Test
    void showsNamePriceStockGalleryAndTheSpecificationsInTheirOrderAndWords() {
        UUID id = productOnSale(6);

        Document page = visitor().get("/products/" + id).document();

        assertThat(page.title()).isEqualTo("Mazda CX-60 — Eshop");
        assertThat(page.select("nav.breadcrumb li").eachText()).containsExactly("Home", "Cars", "SUV", "Mazda CX-60");
        assertThat(page.select("h1")).hasSize(1).first().extracting(Element::text).isEqualTo("Mazda CX-60");
        assertThat(page.selectFirst(".price-large").text()).isEqualTo("$70,000.00");
        assertThat(page.text()).contains("Mazda · CX-60 · 2024", "6 in stock");

        assertThat(page.selectFirst("table caption").text()).isEqualTo("Specifications of Mazda CX-60");
        assertThat(page.select("table th[scope=row]").eachText()).containsExactly("Brand", "Model", "Year", "Fuel", "Transmission",
                "Engine (cc)", "Power (hp)", "Color", "Seats", "Mileage (km)", "Top case", "Tow rating");
        assertThat(page.select("table td").eachText()).containsExactly("Mazda", "CX-60", "2024", "Plug-in hybrid", "Automatic",
                "2,488", "327", "Soul red", "5", "12,000", "Yes", "2500 kg");
        assertThat(page.select("section:has(#description-title) p").eachText())
                .containsExactly("A comfortable SUV.", "Plug-in hybrid with 63 km of electric range.");

        Element main = page.selectFirst("#gallery-main");
        assertThat(main.attr("src")).endsWith(Samples.image(id, 1) + ".jpg");
        assertThat(main.attr("alt")).isEqualTo("Mazda CX-60, photo 1 of 2");
        assertThat(page.select(".thumbnails a").eachAttr("href"))
                .containsExactly("/products/" + id + "?image=" + Samples.image(id, 1), "/products/" + id + "?image=" + Samples.image(id, 2));
        assertThat(page.select(".thumbnails img").eachAttr("alt")).containsExactly("Mazda CX-60, photo 1 of 2", "Mazda CX-60, photo 2 of 2");

        Element form = page.selectFirst("#add-to-cart form");
        Element quantity = form.selectFirst("#quantity");
        assertThat(quantity.attr("min")).isEqualTo("1");
        assertThat(quantity.attr("max")).isEqualTo("6");
        assertThat(page.selectFirst("label[for=quantity]").text()).isEqualTo("Quantity");
        assertThat(form.selectFirst("button[type=submit]").text()).startsWith("Add to cart");
    }

    @Test
    void aVisitorsAddToCartIsALinkThroughSignInSoBrowsingStartsNoSession() {
        UUID id = productOnSale(6);

        Visitor.Page page = visitor().get("/products/" + id);

        Element form = page.form("#add-to-cart");
        assertThat(form.attr("method")).isEqualTo("get");
        assertThat(form.attr("action")).isEqualTo("/cart/lines/new");
        assertThat(form.select("input[name=_csrf], input[name=idempotency_key]")).isEmpty();
        assertThat(form.selectFirst("input[name=product_id]").val()).isEqualTo(id.toString());
        assertThat(page.header("Set-Cookie")).as("no session for a visitor").isNull();
    }

    @Test
    void aCustomersAddToCartPostsWithItsTokenAndAKey() {
        UUID id = productOnSale(6);

        Element form = customer().get("/products/" + id).form("#add-to-cart");

        assertThat(form.attr("method")).isEqualTo("post");
        assertThat(form.attr("action")).isEqualTo("/cart/lines");
        assertThat(form.selectFirst("input[name=_csrf]").val()).isNotBlank();
        assertThat(form.selectFirst("input[name=idempotency_key]").val()).isNotBlank();
        assertThat(form.selectFirst("#quantity").attr("max")).isEqualTo("6");
    }

    @Test
    void aThumbnailLinkShowsThatPictureLarge() {
        UUID id = productOnSale(6);

        Document page = visitor().get("/products/" + id + "?image=" + Samples.image(id, 2)).document();

        assertThat(page.selectFirst("#gallery-main").attr("alt")).isEqualTo("Mazda CX-60, photo 2 of 2");
        assertThat(page.selectFirst(".thumbnails a[aria-current]").attr("href")).endsWith("image=" + Samples.image(id, 2));
    }

    @Test
    void fewLeftAndOutOfStockAreSaidAndAnEmptyStockCannotBeAdded() {
        UUID few = productOnSale(2);
        assertThat(visitor().get("/products/" + few).document().selectFirst(".stock-few").text()).isEqualTo("Only 2 left");

        UUID none = productOnSale(0);
        Document page = visitor().get("/products/" + none).document();
        assertThat(page.selectFirst(".stock-out").text()).isEqualTo("Out of stock");
        Element button = page.selectFirst("#add-to-cart button[type=submit]");
        assertThat(button.text()).isEqualTo("Out of stock");
        assertThat(button.hasAttr("disabled")).isTrue();
    }

    @Test
    void anUnknownOrMalformedProductIsThe404Page() {
        assertThat(visitor().get("/products/" + UUID.randomUUID()).status()).isEqualTo(404);
        Visitor.Page malformed = visitor().get("/products/not-a-uuid");
        assertThat(malformed.status()).isEqualTo(404);
        assertThat(malformed.text()).contains("We couldn't find that page.");
    }

    @Test
    void signedOutAddingToCartSignsInFirstAndComesBackToTheProductWithTheQuantityChosen() {
        UUID id = productOnSale(6);
        Visitor visitor = visitor();
        Visitor.Page page = visitor.get("/products/" + id);

        Visitor.Page answer = visitor.submit(page.form("#add-to-cart"), Map.of("quantity", "3"));

        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.redirect()).isEqualTo("/login?return=%2Fcart%2Flines%2Fnew%3Fproduct_id%3D" + id + "%26quantity%3D3");

        // Signed in, the same URL leads back to the product, the quantity preselected; nothing is added yet.
        Visitor customer = customer();
        Visitor.Page back = customer.get("/cart/lines/new?product_id=" + id + "&quantity=3");
        assertThat(back.redirect()).isEqualTo("/products/" + id + "?quantity=3");
        assertThat(customer.get(back.redirect()).one("#quantity").val()).isEqualTo("3");
        assertThat(customer.get("/cart/lines/new?product_id=" + id + "&quantity=1").redirect()).isEqualTo("/products/" + id);
        assertThat(customer.get("/products/" + id + "?quantity=7").one("#quantity").val()).as("more than in stock").isEqualTo("1");
        assertThat(services.requests("POST", "/v1/carts/me/lines")).isEmpty();
    }

    @Test
    void addingToCartAddsTheUnitsAndComesBackWithAMessage() {
        UUID id = productOnSale(6);
        services.answer("POST", "/v1/carts/me/lines", 200, Samples.cart(Samples.cartLine(id, "Mazda CX-60", "70000.00", 2, 6, null, null)));
        Visitor customer = customer();
        Visitor.Page page = customer.get("/products/" + id);
        String key = page.form("#add-to-cart").selectFirst("input[name=idempotency_key]").val();

        Visitor.Page answer = customer.submit(page.form("#add-to-cart"), Map.of("quantity", "2"));

        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.redirect()).isEqualTo("/products/" + id);
        FakeServices.Request added = services.last("POST", "/v1/carts/me/lines");
        assertThat(added.json().path("product_id").asString()).isEqualTo(id.toString());
        assertThat(added.json().path("quantity").asInt()).isEqualTo(2);
        assertThat(added.header("Idempotency-Key")).isEqualTo(key);
        assertThat(added.header("Authorization")).isEqualTo("Bearer " + accessToken(Samples.CUSTOMER_ID));

        Document after = customer.get(answer.redirect()).document();
        assertThat(after.selectFirst("#messages [role=status]").text()).isEqualTo("Added 2 × Mazda CX-60 to your cart. View cart");
        assertThat(after.selectFirst("#messages a").attr("href")).isEqualTo("/cart");
    }

    @Test
    void withHtmxTheFormComesBackWithTheMessageAndTheBadgeOutOfBand() {
        UUID id = productOnSale(6);
        services.answer("POST", "/v1/carts/me/lines", 200, Samples.cart(
                Samples.cartLine(id, "Mazda CX-60", "70000.00", 1, 6, null, null),
                Samples.cartLine(UUID.randomUUID(), "Honda CB650R", "9199.00", 2, 4, null, null)));
        Visitor customer = customer();
        Visitor.Page page = customer.get("/products/" + id);
        String firstKey = page.form("#add-to-cart").selectFirst("input[name=idempotency_key]").val();

        Visitor.Page answer = customer.htmx().on("/products/" + id).submit(page.form("#add-to-cart"));

        assertThat(answer.status()).isEqualTo(200);
        Document fragments = answer.document();
        assertThat(answer.html()).doesNotContain("<html");
        assertThat(fragments.select("#add-to-cart form")).hasSize(1);
        assertThat(fragments.selectFirst("#add-to-cart input[name=idempotency_key]").val()).as("a new key for the next add").isNotEqualTo(firstKey);
        Element messages = fragments.selectFirst("#messages");
        assertThat(messages.attr("hx-swap-oob")).isEqualTo("true");
        assertThat(messages.text()).isEqualTo("Added 1 × Mazda CX-60 to your cart. View cart");
        Element badge = fragments.selectFirst("#cart-badge");
        assertThat(badge.attr("hx-swap-oob")).isEqualTo("true");
        assertThat(badge.text()).isEqualTo("Cart (3)");
        assertThat(badge.attr("aria-label")).isEqualTo("Cart, 3 vehicles");
    }

    @Test
    void notEnoughStockIsExplainedNextToTheQuantityWhichIsKept() {
        UUID id = productOnSale(2);
        services.answer("POST", "/v1/carts/me/lines", 409, Samples.problem(409, "insufficient-stock", "Only 2 of Mazda CX-60 are available.",
                "\"short_products\":[{\"product_id\":\"" + id + "\",\"name\":\"Mazda CX-60\",\"requested\":3,\"available\":2}]"));
        Visitor customer = customer();
        Visitor.Page page = customer.get("/products/" + id);

        Visitor.Page answer = customer.submit(page.form("#add-to-cart"), Map.of("quantity", "2"));

        assertThat(answer.status()).isEqualTo(409);
        Document refused = answer.document();
        assertThat(refused.selectFirst("#quantity-error").text()).isEqualTo("Only 2 in stock, and you already have 1 in your cart.");
        assertThat(refused.selectFirst("#quantity").val()).isEqualTo("2");
        assertThat(refused.selectFirst("#quantity").attr("aria-invalid")).isEqualTo("true");
        assertThat(refused.selectFirst("#quantity").attr("aria-describedby")).isEqualTo("quantity-error");
        assertThat(refused.selectFirst(".error-summary a").attr("href")).isEqualTo("#quantity");
    }

    @Test
    void theCartsLimitPerVehicleIsShownNextToTheQuantity() {
        UUID id = productOnSale(6);
        String message = "You can have at most 10 of one vehicle; you already have 8.";
        services.answer("POST", "/v1/carts/me/lines", 400, Samples.problem(400, "validation", message,
                "\"errors\":[{\"field\":\"quantity\",\"message\":\"" + message + "\"}]"));
        Visitor customer = customer();
        Visitor.Page page = customer.get("/products/" + id);

        Visitor.Page answer = customer.htmx().submit(page.form("#add-to-cart"), Map.of("quantity", "3"));

        assertThat(answer.status()).isEqualTo(400);
        Document fragment = answer.document();
        assertThat(fragment.selectFirst("#quantity-error").text()).isEqualTo(message);
        assertThat(fragment.selectFirst("#quantity").val()).isEqualTo("3");
        assertThat(fragment.selectFirst("#messages").text()).as("no success message").isEmpty();
    }

    @Test
    void postingWithoutTheCsrfTokenIsRefused() {
        UUID id = productOnSale(6);
        Visitor customer = customer();
        customer.get("/products/" + id);

        var answer = overHttp("POST", "/cart/lines", customer.session(), "product_id=" + id + "&quantity=1");

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(Jsoup.parse(answer.body()).text()).contains("You don't have access to this page.");
        assertThat(services.requests("POST", "/v1/carts/me/lines")).isEmpty();
    }

    @Test
    void anAdminBrowsesButIsToldAdminAccountsCannotPlaceOrders() {
        UUID id = productOnSale(6);

        Document page = admin().get("/products/" + id).document();

        assertThat(page.text()).contains("Admin accounts cannot place orders.");
        assertThat(page.select("#add-to-cart")).isEmpty();
    }
}
