package dev.eshop.storefront;

import dev.eshop.platform.testing.web.Visitor;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The account page (spec/ui.md §1.10), signing in, signing up and logging out (§1.2, flows.md §1.2). */
class AccountPageTest extends StorefrontTestSupport {

    private static final UUID CARL = UUID.fromString("0193a4b0-0000-7000-8000-0000000ca771");

    private void account(String name) {
        services.answer("GET", "/v1/users/me", 200, """
                {"id":"%s","email":"carl@example.com","name":%s,"role":"CUSTOMER","enabled":true,
                 "created_at":"2025-01-01T00:00:00Z","last_login_at":null}""".formatted(CARL, Samples.quoted(name)));
    }

    @Test
    void showsNameAndEmailWithTheWayToChangeThePassword() {
        account("Carl Customer");

        Document page = customer(CARL, "Carl Customer").get("/account").document();

        assertThat(page.title()).isEqualTo("Your account — Eshop");
        assertThat(page.selectFirst("#name").val()).isEqualTo("Carl Customer");
        assertThat(page.selectFirst("label[for=name]").text()).isEqualTo("Name (required)");
        assertThat(page.selectFirst("main dl").text()).isEqualTo("E-mail carl@example.com");
        assertThat(page.selectFirst("a:contains(Change password)").attr("href")).isEqualTo(services.baseUrl() + "/account/password");
        assertThat(page.selectFirst("main form[action=/logout] button").text()).isEqualTo("Log out");
    }

    @Test
    void aNewNameIsSavedAtAuthAndShownInTheHeader() {
        account("Carl Customer");
        services.answer("PATCH", "/v1/users/me", 200, """
                {"id":"%s","email":"carl@example.com","name":"Carl C. Customer","role":"CUSTOMER","enabled":true,
                 "created_at":"2025-01-01T00:00:00Z","last_login_at":null}""".formatted(CARL));
        Visitor carl = customer(CARL, "Carl Customer");
        Visitor.Page page = carl.get("/account");

        Visitor.Page saved = carl.submit(page.form("main form[action=/account]"), Map.of("name", "  Carl C. Customer "));

        assertThat(saved.redirect()).isEqualTo("/account");
        assertThat(services.last("PATCH", "/v1/users/me").json().path("name").asString()).isEqualTo("Carl C. Customer");
        Document after = carl.get("/account").document();
        assertThat(after.selectFirst("#messages").text()).isEqualTo("Your name has been saved.");
        assertThat(after.selectFirst("nav.menu-wide a[href=/account]").text()).isEqualTo("Carl C. Customer");
    }

    @Test
    void anEmptyNameIsExplainedAndAuthsRefusalShownNextToTheField() {
        account("Carl Customer");
        Visitor carl = customer(CARL, "Carl Customer");
        Visitor.Page page = carl.get("/account");

        Visitor.Page empty = carl.submit(page.form("main form[action=/account]"), Map.of("name", "   "));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.document().selectFirst("#name-error").text()).isEqualTo("Enter your name.");
        assertThat(services.requests("PATCH", "/v1/users/me")).isEmpty();

        services.answer("PATCH", "/v1/users/me", 400, Samples.problem(400, "validation", "The request has invalid fields.",
                "\"errors\":[{\"field\":\"name\",\"message\":\"size must be between 1 and 100\"}]"));
        Visitor.Page refused = carl.submit(page.form("main form[action=/account]"), Map.of("name", "Carl"));
        assertThat(refused.document().selectFirst("#name-error").text()).isEqualTo("Name size must be between 1 and 100.");
        assertThat(refused.document().selectFirst("#name").val()).isEqualTo("Carl");
    }

    @Test
    void logInAndSignUpStartTheCodeFlowAtAuthAndComeBack() {
        Visitor visitor = visitor();

        Visitor.Page login = visitor.get("/login?return=/products?brand=Honda");
        assertThat(login.redirect()).isEqualTo("/oauth2/authorization/eshop");
        URI authorize = URI.create(visitor.get(login.redirect()).redirect());
        assertThat(authorize.toString()).startsWith(services.baseUrl() + "/oauth2/authorize?");
        assertThat(authorize.getQuery()).contains("response_type=code", "client_id=storefront", "code_challenge_method=S256",
                "redirect_uri=http://localhost/login/oauth2/code/eshop").doesNotContain("prompt=create");
        assertThat(authorize.getRawQuery()).contains("scope=openid%20profile%20email");

        Visitor.Page signup = visitor().get("/signup");
        assertThat(signup.redirect()).isEqualTo("/oauth2/authorization/eshop?prompt=create");
    }

    @Test
    void logOutEndsTheSessionHereAndAtAuth() {
        account("Carl Customer");
        Visitor carl = customer(CARL, "Carl Customer");
        Visitor.Page page = carl.get("/account");

        Visitor.Page loggedOut = carl.submit(page.form("main form[action=/logout]"));

        URI endSession = URI.create(loggedOut.redirect());
        assertThat(endSession.toString()).startsWith(services.baseUrl() + "/connect/logout?");
        assertThat(endSession.getQuery()).contains("id_token_hint=id-token-" + CARL, "post_logout_redirect_uri=http://localhost/");
        assertThat(carl.get("/account").redirect()).as("signed out here too").startsWith("/login");
    }

    @Test
    void logOutNeedsTheCsrfToken() {
        Visitor carl = customer(CARL, "Carl Customer");
        carl.get("/");

        var refused = overHttp("POST", "/logout", carl.session(), "");

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(Jsoup.parse(refused.body()).text()).contains("You don't have access to this page.");
    }

    @Test
    void theCustomersNameIsShownAsTextNeverAsMarkup() {
        String evil = "<script>alert('x')</script> Carl";
        account(evil);

        Visitor.Page page = customer(CARL, evil).get("/account");

        Document document = page.document();
        assertThat(document.select("body script:not([src]), header script")).isEmpty();
        assertThat(document.selectFirst("nav.menu-wide a[href=/account]").text()).isEqualTo(evil);
        assertThat(document.selectFirst("#name").val()).isEqualTo(evil);
        assertThat(page.html()).doesNotContain("<script>alert").contains("&lt;script&gt;alert(");
    }

    @Test
    void anUnknownPathIsThe404PageWithItsReference() {
        var page = overHttp("GET", "/no/such/page", null, null);

        assertThat(page.statusCode()).isEqualTo(404);
        Document document = Jsoup.parse(page.body());
        assertThat(document.title()).isEqualTo("Page not found — Eshop");
        assertThat(document.text()).contains("We couldn't find that page.");
        assertThat(document.selectFirst(".reference").text()).matches("Reference: [0-9a-f]{32}");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(
                "default-src 'self'; img-src 'self' blob: http://images.test; script-src 'self'; frame-ancestors 'none'");
    }

    @Test
    void everyPageCarriesTheSecurityHeaders() {
        Visitor.Page page = visitor().get("/");

        assertThat(page.header("Content-Security-Policy"))
                .isEqualTo("default-src 'self'; img-src 'self' blob: http://images.test; script-src 'self'; frame-ancestors 'none'");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.header("Referrer-Policy")).isEqualTo("same-origin");
        assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
    }
}
