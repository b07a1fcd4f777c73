package dev.eshop.admin;

import dev.eshop.platform.testing.web.Visitor;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may use the admin app (spec/ui.md §0.2): admins only; a customer gets the 403 page, a visitor signs in first; CSRF on every form. */
class AccessTest extends AdminTestSupport {

    static final List<String> PAGES = List.of("/", "/products", "/products/new", "/categories", "/warehouses", "/warehouses/new", "/stock",
            "/stock?view=warehouse", "/stock/transfer", "/stock/restock", "/movements", "/orders", "/payments", "/reports/sales", "/users",
            "/users/new-admin");

    /** Every form's target, each with what it would need but the CSRF token. */
    static final List<String> FORMS = List.of("/products/new", "/products/" + UUID.randomUUID() + "/edit",
            "/products/" + UUID.randomUUID() + "/delete", "/products/" + UUID.randomUUID() + "/images/" + UUID.randomUUID() + "/main",
            "/products/" + UUID.randomUUID() + "/images/" + UUID.randomUUID() + "/remove", "/categories", "/categories/" + UUID.randomUUID(),
            "/categories/" + UUID.randomUUID() + "/delete", "/warehouses/new", "/warehouses/" + UUID.randomUUID() + "/edit",
            "/warehouses/" + UUID.randomUUID() + "/make-main", "/warehouses/" + UUID.randomUUID() + "/delete", "/stock/transfer",
            "/stock/restock", "/orders/" + UUID.randomUUID() + "/ship", "/orders/" + UUID.randomUUID() + "/deliver",
            "/payments/" + UUID.randomUUID() + "/review", "/users/" + UUID.randomUUID() + "/disable", "/users/" + UUID.randomUUID() + "/enable",
            "/users/new-admin", "/logout");

    @Test
    void aVisitorIsSentToSignInAndBackToThePage() {
        for (String page : PAGES) {
            Visitor.Page answer = visitor().get(page);
            assertThat(answer.status()).as(page).isEqualTo(302);
            assertThat(answer.redirect()).as(page).startsWith("/login?return=");
        }
        assertThat(visitor().get("/orders?status=PAID").redirect()).isEqualTo("/login?return=%2Forders%3Fstatus%3DPAID");
    }

    @Test
    void aCustomerIsRefusedEveryPage() {
        Visitor customer = customer();
        for (String page : PAGES) {
            Visitor.Page answer = customer.get(page);
            assertThat(answer.status()).as(page).isEqualTo(403);
            assertThat(answer.result().getResponse().getForwardedUrl()).as(page).isEqualTo("/forbidden");
        }
        assertThat(services.requests("GET", "/v1/payments")).as("nothing is asked with a customer's token").isEmpty();
    }

    @Test
    void theNoAccessPageTellsACustomerWhyAndOffersToLogOut() {
        Visitor customer = customer();
        for (String page : List.of("/", "/payments")) {
            HttpResponse<String> answer = overHttp("GET", page, customer.session(), null);
            assertThat(answer.statusCode()).as(page).isEqualTo(403);
            Document html = Jsoup.parse(answer.body());
            assertThat(html.title()).as(page).isEqualTo("No access — Eshop Admin");
            assertThat(html.selectFirst("h1").text()).isEqualTo("No access");
            assertThat(html.text()).contains("You don't have access to this page.",
                    "The admin app is for admin accounts only. You are signed in as carl.customer@example.com.");
            assertThat(html.select("main form[action=/logout] button").text()).isEqualTo("Log out");
            assertThat(html.select("main form[action=/logout] input[name=_csrf]")).hasSize(1);
            assertThat(html.select("nav[aria-label=Admin]")).as("no navigation for a customer").isEmpty();
        }
        assertThat(services.requests("GET", "/v1/payments")).isEmpty();
    }

    @Test
    void everyFormRefusesAPostWithoutItsCsrfToken() {
        Visitor admin = admin();
        for (String form : FORMS) {
            Visitor.Page answer = admin.post(form, Map.of("name", "Central", "decision", "APPROVED"));
            assertThat(answer.status()).as(form).isEqualTo(403);
        }
        assertThat(services.requests("POST", "/v1/warehouses")).isEmpty();
        assertThat(services.requests("POST", "/v1/payments/" + UUID.randomUUID() + "/review")).isEmpty();
    }

    @Test
    void theNoAccessPageForAMissingTokenIsTheSame() {
        HttpResponse<String> answer = overHttp("POST", "/warehouses/new", admin().session(), "name=Central");

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(Jsoup.parse(answer.body()).text()).contains("You don't have access to this page.");
    }
}
