package dev.eshop.admin;

import dev.eshop.platform.testing.web.Visitor;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may use the admin app (spec/ui.md §0.2): admins only; a customer gets the 403 page, a visitor signs in first; CSRF on every form. */
class AccessTest extends AdminTestSupport {

    /** Stands in for every id in a page's path ({@code /orders/{id}}). */
    static final String SAMPLE_ID = "0193a4b0-0000-7000-8000-00000000f00d";

    /** A path variable, {@code {id}} or {@code {change:disable|enable}} (then its first choice stands in for it). */
    private static final Pattern VARIABLE = Pattern.compile("\\{[^}:]+(?::([^}|]+)[^}]*)?}");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    /** Every form's target, each with what it would need but the CSRF token. */
    static final List<String> FORMS = List.of("/products/new", "/products/" + UUID.randomUUID() + "/edit",
            "/products/" + UUID.randomUUID() + "/delete", "/products/" + UUID.randomUUID() + "/images/" + UUID.randomUUID() + "/main",
            "/products/" + UUID.randomUUID() + "/images/" + UUID.randomUUID() + "/remove", "/categories", "/categories/" + UUID.randomUUID(),
            "/categories/" + UUID.randomUUID() + "/delete", "/warehouses/new", "/warehouses/" + UUID.randomUUID() + "/edit",
            "/warehouses/" + UUID.randomUUID() + "/make-main", "/warehouses/" + UUID.randomUUID() + "/delete", "/stock/transfer",
            "/stock/restock", "/orders/" + UUID.randomUUID() + "/ship", "/orders/" + UUID.randomUUID() + "/deliver",
            "/payments/" + UUID.randomUUID() + "/review", "/users/" + UUID.randomUUID() + "/disable", "/users/" + UUID.randomUUID() + "/enable",
            "/users/new-admin", "/logout");

    /** Every page of the app: each GET mapping of its controllers, with sample values for the ids. */
    List<String> pages() {
        List<String> pages = mappings.getHandlerMethods().entrySet().stream()
                .filter(mapping -> mapping.getValue().getBeanType().getPackageName().startsWith("dev.eshop.admin"))
                .filter(mapping -> mapping.getKey().getMethodsCondition().getMethods().contains(RequestMethod.GET))
                .flatMap(mapping -> mapping.getKey().getPatternValues().stream())
                .map(pattern -> VARIABLE.matcher(pattern).replaceAll(variable -> variable.group(1) == null ? SAMPLE_ID : variable.group(1)))
                .sorted()
                .toList();
        assertThat(pages).as("the pages found").contains("/", "/orders", "/orders/" + SAMPLE_ID, "/users/" + SAMPLE_ID + "/disable",
                "/reports/sales/csv", "/payments/" + SAMPLE_ID + "/image");
        return pages;
    }

    @Test
    void aVisitorIsSentToSignInAndBackToThePage() {
        for (String page : pages()) {
            Visitor.Page answer = visitor().get(page);
            assertThat(answer.status()).as(page).isEqualTo(302);
            assertThat(answer.redirect()).as(page).startsWith("/login?return=");
        }
        assertThat(visitor().get("/orders?status=PAID").redirect()).isEqualTo("/login?return=%2Forders%3Fstatus%3DPAID");
    }

    @Test
    void aCustomerIsRefusedEveryPage() {
        Visitor customer = customer();
        for (String page : pages()) {
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
