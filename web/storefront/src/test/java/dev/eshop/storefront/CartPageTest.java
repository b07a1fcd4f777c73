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

/** The cart page (spec/ui.md §1.6). */
class CartPageTest extends StorefrontTestSupport {

    private final UUID cx60 = UUID.randomUUID();
    private final UUID cb650r = UUID.randomUUID();

    @Test
    void listsTheLinesWithPricesTotalsAndTheirProblems() {
        UUID gone = UUID.randomUUID();
        services.answer("GET", "/v1/carts/me", 200, Samples.cart(
                Samples.cartLine(cx60, "Mazda CX-60", "70000.00", 2, 6, null, "Red one, please"),
                Samples.cartLine(cb650r, "Honda CB650R", "9199.00", 3, 2, "EXCEEDS_STOCK", null),
                Samples.cartLine(gone, "Yamaha XSR155", "4000.00", 1, 0, "OUT_OF_STOCK", null)));

        Visitor.Page cart = customer().get("/cart");

        Document page = cart.document();
        assertThat(page.title()).isEqualTo("Cart — Eshop");
        assertThat(page.selectFirst("h1").text()).isEqualTo("Your cart");
        assertThat(page.selectFirst("table caption").text()).isEqualTo("Vehicles in your cart");
        assertThat(page.select("table thead th[scope=col]")).hasSize(5);
        Element first = page.selectFirst("#line-" + cx60);
        assertThat(first.selectFirst("th[scope=row] a").attr("href")).isEqualTo("/products/" + cx60);
        assertThat(first.select("td.amount").eachText()).containsExactly("$70,000.00", "$140,000.00");
        assertThat(first.selectFirst("#quantity-" + cx60).val()).isEqualTo("2");
        assertThat(first.selectFirst("#note-" + cx60).val()).isEqualTo("Red one, please");
        assertThat(first.selectFirst("label[for=note-" + cx60 + "]").text()).isEqualTo("Note for this vehicle");
        assertThat(page.selectFirst("#line-" + cb650r + " .line-problem").text()).isEqualTo("Only 2 left. Lower the quantity to continue.");
        assertThat(page.selectFirst("#line-" + gone + " .line-problem").text()).isEqualTo("Out of stock. Remove it to continue.");

        assertThat(page.selectFirst(".summary dl").text()).isEqualTo("Vehicles 6 vehicles Subtotal $171,597.00");
        assertThat(page.selectFirst(".summary").text()).contains("Shipping is calculated at checkout");
        Element checkout = page.selectFirst(".summary button:contains(Checkout)");
        assertThat(checkout.hasAttr("disabled")).as("checkout waits until the problems are fixed").isTrue();
        assertThat(page.selectFirst("#checkout-blocked").text()).contains("Change or remove them to continue.");
        assertThat(page.selectFirst("#cart-badge").text()).isEqualTo("Cart (6)");
        assertThat(services.requests("GET", "/v1/carts/me")).as("the page and the badge share one read").hasSize(1);
    }

    @Test
    void aCartWithoutProblemsLinksToCheckout() {
        services.answer("GET", "/v1/carts/me", 200, Samples.cart(Samples.cartLine(cx60, "Mazda CX-60", "70000.00", 1, 6, null, null)));

        Document page = customer().get("/cart").document();

        assertThat(page.selectFirst(".summary a:contains(Checkout)").attr("href")).isEqualTo("/checkout");
        assertThat(page.selectFirst("a:contains(Empty cart)").attr("href")).isEqualTo("/cart/clear");
        assertThat(page.selectFirst(".summary dl").text()).contains("1 vehicle");
    }

    @Test
    void anEmptyCartSaysSoAndOffersTheCatalogue() {
        Document page = customer().get("/cart").document();

        assertThat(page.selectFirst("#cart").text()).isEqualTo("Your cart is empty. Browse vehicles");
        assertThat(page.selectFirst("#cart a").attr("href")).isEqualTo("/products");
    }

    @Test
    void aNoteIsShownAsTextNeverAsMarkup() {
        services.answer("GET", "/v1/carts/me", 200, Samples.cart(
                Samples.cartLine(cx60, "Mazda <i>CX-60</i>", "70000.00", 1, 6, null, "\"><script>alert(1)</script>")));

        Visitor.Page cart = customer().get("/cart");

        assertThat(cart.document().select("#cart script, #cart i")).isEmpty();
        assertThat(cart.document().selectFirst("#note-" + cx60).val()).isEqualTo("\"><script>alert(1)</script>");
        assertThat(cart.document().selectFirst("#line-" + cx60 + " th a").text()).isEqualTo("Mazda <i>CX-60</i>");
    }

    @Test
    void changingALineSendsQuantityAndNoteAndComesBackToTheCart() {
        services.answer("GET", "/v1/carts/me", 200, Samples.cart(Samples.cartLine(cx60, "Mazda CX-60", "70000.00", 1, 6, null, null)));
        services.answer("PATCH", "/v1/carts/me/lines/" + cx60, 200,
                Samples.cart(Samples.cartLine(cx60, "Mazda CX-60", "70000.00", 3, 6, null, "Blue")));
        Visitor customer = customer();
        Visitor.Page page = customer.get("/cart");

        Visitor.Page answer = customer.submit(page.form("#line-" + cx60 + " td[data-label=Quantity]"), Map.of("quantity", "3", "note", "Blue"));

        assertThat(answer.redirect()).isEqualTo("/cart");
        FakeServices.Request change = services.last("PATCH", "/v1/carts/me/lines/" + cx60);
        assertThat(change.json().path("quantity").asInt()).isEqualTo(3);
        assertThat(change.json().path("note").asString()).isEqualTo("Blue");
        assertThat(customer.get("/cart").document().selectFirst("#messages").text()).isEqualTo("Updated Mazda CX-60.");
    }

    @Test
    void withHtmxTheWholeCartComesBackWithTheBadge() {
        services.answer("GET", "/v1/carts/me", 200, Samples.cart(Samples.cartLine(cx60, "Mazda CX-60", "70000.00", 1, 6, null, null)));
        services.answer("PATCH", "/v1/carts/me/lines/" + cx60, 200,
                Samples.cart(Samples.cartLine(cx60, "Mazda CX-60", "70000.00", 4, 6, null, null)));
        Visitor customer = customer();
        Visitor.Page page = customer.get("/cart");

        Visitor.Page answer = customer.htmx().submit(page.form("#line-" + cx60 + " td[data-label=Quantity]"), Map.of("quantity", "4"));

        Document fragments = answer.document();
        assertThat(answer.html()).doesNotContain("<html");
        assertThat(fragments.selectFirst("#cart #quantity-" + cx60).val()).isEqualTo("4");
        assertThat(fragments.selectFirst("#cart .summary dl").text()).contains("4 vehicles", "$280,000.00");
        assertThat(fragments.selectFirst("#cart-badge[hx-swap-oob=true]").text()).isEqualTo("Cart (4)");
        assertThat(fragments.selectFirst("#messages[hx-swap-oob=true]").text()).isEqualTo("Updated Mazda CX-60.");
    }

    @Test
    void aRefusedChangeIsShownInItsRowWithWhatWasTyped() {
        services.answer("GET", "/v1/carts/me", 200, Samples.cart(Samples.cartLine(cx60, "Mazda CX-60", "70000.00", 1, 2, null, null)));
        services.answer("PATCH", "/v1/carts/me/lines/" + cx60, 409, Samples.problem(409, "insufficient-stock",
                "Only 2 of Mazda CX-60 are available.", "\"short_products\":[]"));
        Visitor customer = customer();
        Visitor.Page page = customer.get("/cart");

        Visitor.Page answer = customer.submit(page.form("#line-" + cx60 + " td[data-label=Quantity]"), Map.of("quantity", "5", "note", "Soon"));

        assertThat(answer.status()).isEqualTo(409);
        Element row = answer.document().selectFirst("#line-" + cx60);
        assertThat(row.selectFirst("#error-" + cx60).text()).isEqualTo("Only 2 of Mazda CX-60 are available.");
        assertThat(row.selectFirst("#quantity-" + cx60).val()).isEqualTo("5");
        assertThat(row.selectFirst("#quantity-" + cx60).attr("aria-describedby")).isEqualTo("error-" + cx60);
        assertThat(row.selectFirst("#note-" + cx60).val()).isEqualTo("Soon");
    }

    @Test
    void aLineRemovedMeanwhileIsSaidAndTheCartShownAsItIsNow() {
        services.answer("GET", "/v1/carts/me", 200, Samples.cart(Samples.cartLine(cx60, "Mazda CX-60", "70000.00", 1, 6, null, null)));
        services.answer("PATCH", "/v1/carts/me/lines/" + cx60, 404, Samples.problem(404, "not-found",
                "Your cart has no line for product " + cx60 + ".", null));
        Visitor customer = customer();
        Element form = customer.get("/cart").form("#line-" + cx60 + " td[data-label=Quantity]");
        services.answer("GET", "/v1/carts/me", 200, Samples.cart());

        Visitor.Page answer = customer.htmx().submit(form, Map.of("quantity", "2"));

        Document fragments = answer.document();
        assertThat(fragments.selectFirst("#cart").text()).startsWith("Your cart is empty.");
        assertThat(fragments.selectFirst("#messages[hx-swap-oob=true] [role=alert]").text()).isEqualTo("That vehicle is no longer in your cart.");
        assertThat(fragments.selectFirst("#cart-badge").text()).isEqualTo("Cart (0)");
    }

    @Test
    void aQuantityThatIsNoNumberIsExplainedWithoutAskingCart() {
        services.answer("GET", "/v1/carts/me", 200, Samples.cart(Samples.cartLine(cx60, "Mazda CX-60", "70000.00", 1, 6, null, null)));
        Visitor customer = customer();
        Visitor.Page page = customer.get("/cart");

        Visitor.Page answer = customer.submit(page.form("#line-" + cx60 + " td[data-label=Quantity]"), Map.of("quantity", "lots"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.document().selectFirst("#error-" + cx60).text()).isEqualTo("Enter the number of vehicles as a whole number.");
        assertThat(services.requests("PATCH", "/v1/carts/me/lines/" + cx60)).isEmpty();
    }

    @Test
    void removingALineAndEmptyingTheCart() {
        services.answer("GET", "/v1/carts/me", 200, Samples.cart(Samples.cartLine(cx60, "Mazda CX-60", "70000.00", 1, 6, null, null)));
        services.answer("DELETE", "/v1/carts/me/lines/" + cx60, 200, Samples.cart());
        services.answer("DELETE", "/v1/carts/me", 200, Samples.cart());
        Visitor customer = customer();
        Visitor.Page page = customer.get("/cart");

        Visitor.Page removed = customer.submit(page.form("#line-" + cx60 + " td:last-child"));
        assertThat(removed.redirect()).isEqualTo("/cart");
        assertThat(services.requests("DELETE", "/v1/carts/me/lines/" + cx60)).hasSize(1);
        assertThat(page.one("#line-" + cx60 + " td:last-child button").attr("aria-label")).isEqualTo("Remove Mazda CX-60");

        Visitor.Page confirm = customer.get("/cart/clear");
        assertThat(confirm.document().selectFirst("h1").text()).isEqualTo("Empty your cart?");
        Visitor.Page emptied = customer.submit(confirm.form("main form"));
        assertThat(emptied.redirect()).isEqualTo("/cart");
        assertThat(services.requests("DELETE", "/v1/carts/me")).hasSize(1);
        assertThat(page.one("dialog#clear-dialog form").attr("action")).isEqualTo("/cart/clear");
    }

    @Test
    void everyFormOnThePageCarriesTheCsrfTokenAndAPostWithoutItIsRefused() {
        services.answer("GET", "/v1/carts/me", 200, Samples.cart(Samples.cartLine(cx60, "Mazda CX-60", "70000.00", 1, 6, null, null)));
        Visitor customer = customer();
        Document page = customer.get("/cart").document();

        for (Element form : page.select("form[method=post]")) {
            assertThat(form.select("input[name=_csrf]")).as(form.attr("action")).hasSize(1);
        }
        var refused = overHttp("POST", "/cart/clear", customer.session(), "");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(Jsoup.parse(refused.body()).text()).contains("You don't have access to this page.");
        assertThat(services.requests("DELETE", "/v1/carts/me")).isEmpty();
    }

    @Test
    void signedOutTheCartSignsInFirst() {
        Visitor.Page page = visitor().get("/cart");

        assertThat(page.status()).isEqualTo(302);
        assertThat(page.redirect()).isEqualTo("/login?return=%2Fcart");
    }

    @Test
    void anAdminIsToldAdminAccountsCannotPlaceOrders() {
        var page = overHttp("GET", "/cart", admin().session(), null);

        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(Jsoup.parse(page.body()).text()).contains("Admin accounts cannot place orders.");
        assertThat(services.requests("GET", "/v1/carts/me")).isEmpty();
    }
}
