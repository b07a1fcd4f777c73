package dev.eshop.storefront;

import dev.eshop.platform.testing.web.Visitor;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every form that posts, on every page a customer sees, carries the CSRF token; and every place a
 * page posts to refuses a post without it, before anything reaches a service (spec/ui.md §0.2).
 */
class CsrfProtectionTest extends StorefrontTestSupport {

    private static final UUID CARL = UUID.fromString("0193a4b0-0000-7000-8000-0000000ca771");
    private static final List<String> STATUSES = List.of("PENDING_PAYMENT", "PAYMENT_SUBMITTED", "PAID", "ON_DELIVERY", "DELIVERED",
            "REJECTED", "EXPIRED", "CANCELLED");

    private final UUID product = UUID.randomUUID();

    /** The places the customer's pages post to, found on them: form actions, buttons' form actions and htmx posts. */
    private final Set<String> postTargets = new TreeSet<>();

    private Document page(Visitor customer, String path) {
        Visitor.Page page = customer.get(path);
        assertThat(page.status()).as(path).isEqualTo(200);
        Document document = page.document();
        assertThat(document.select("form[method=post]")).as(path + " has the log out form at least").isNotEmpty();
        for (Element form : document.select("form[method=post]")) {
            assertThat(form.select("input[type=hidden][name=_csrf]").attr("value")).as(path + " " + form.attr("action")).isNotBlank();
            postTargets.add(form.attr("action"));
            form.select("button[formaction]").forEach(button -> postTargets.add(button.attr("formaction")));
        }
        document.select("[hx-post]").forEach(element -> postTargets.add(element.attr("hx-post")));
        assertThat(document.selectFirst("meta[name=_csrf]").attr("content")).as(path + ": htmx sends it from here").isNotBlank();
        return document;
    }

    private void orderIn(UUID order, String status) {
        List<String> actions = switch (status) {
            case "PENDING_PAYMENT" -> List.of("CANCEL", "UPLOAD_PAYMENT");
            case "ON_DELIVERY" -> List.of("CONFIRM_DELIVERY");
            default -> List.of();
        };
        services.answer("GET", "/v1/orders/" + order, 200, Samples.order(order, status, "70105.00", Instant.now().plusSeconds(600),
                status.equals("PENDING_PAYMENT") ? 600L : null, null, actions, ">PENDING_PAYMENT@2025-01-09T08:01:46Z"));
    }

    @Test
    void everyFormThatPostsCarriesTheTokenAndEveryPostWithoutItIsRefused() {
        services.answer("GET", "/v1/users/me", 200, """
                {"id":"%s","email":"carl@example.com","name":"Carl Customer","role":"CUSTOMER","enabled":true,
                 "created_at":"2025-01-01T00:00:00Z","last_login_at":null}""".formatted(CARL));
        services.answer("GET", "/v1/products/" + product, 200, Samples.productDetail(product, "Mazda CX-60", "70000.00", 3, "{}", ""));
        services.answer("GET", "/v1/carts/me", 200, Samples.cart(Samples.cartLine(product, "Mazda CX-60", "70000.00", 1, 3, null, null)));
        services.answer("POST", "/v1/orders/quote", 200, Samples.quote("Mazda CX-60", "70000.00", 1, "105.00"));
        Visitor carl = customer(CARL, "Carl Customer");

        for (String path : List.of("/", "/products", "/products/" + product, "/cart", "/cart/clear", "/checkout", "/orders", "/account")) {
            page(carl, path);
        }
        for (String status : STATUSES) {
            UUID order = UUID.randomUUID();
            orderIn(order, status);
            page(carl, "/orders/" + order);
            if (status.equals("PENDING_PAYMENT")) {
                page(carl, "/orders/" + order + "/cancel");
            }
        }

        assertThat(postTargets).as("every kind of post a customer makes was found").contains("/logout", "/account", "/cart/lines",
                "/cart/lines/" + product, "/cart/lines/" + product + "/remove", "/cart/clear", "/checkout", "/checkout/quote");
        assertThat(postTargets).anyMatch(target -> target.endsWith("/payment")).anyMatch(target -> target.endsWith("/cancel"))
                .anyMatch(target -> target.endsWith("/confirm-delivery"));

        int quotesAsked = services.requests("POST", "/v1/orders/quote").size();
        for (String target : postTargets) {
            Visitor.Page refused = carl.post(target, Map.of("product_id", product.toString(), "quantity", "1",
                    "zip_code", "10001", "name", "Mallory"));
            assertThat(refused.status()).as("POST " + target + " without the token").isEqualTo(403);
        }
        assertThat(services.requests("POST", "/v1/carts/me/lines")).isEmpty();
        assertThat(services.requests("PATCH", "/v1/carts/me/lines/" + product)).isEmpty();
        assertThat(services.requests("DELETE", "/v1/carts/me/lines/" + product)).isEmpty();
        assertThat(services.requests("DELETE", "/v1/carts/me")).isEmpty();
        assertThat(services.requests("POST", "/v1/carts/checkout")).isEmpty();
        assertThat(services.requests("POST", "/v1/orders/quote")).hasSize(quotesAsked);
        assertThat(services.requests("POST", "/v1/payments")).isEmpty();
        assertThat(services.requests("PATCH", "/v1/users/me")).isEmpty();
        assertThat(carl.get("/account").status()).as("still signed in: the log out was refused too").isEqualTo(200);
    }
}
