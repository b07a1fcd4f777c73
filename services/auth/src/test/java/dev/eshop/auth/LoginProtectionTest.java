package dev.eshop.auth;

import dev.eshop.auth.Browser.Page;
import dev.eshop.platform.local.CodeFlowLogin.OidcTokens;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The sign-in page: one message for every failure (nobody learns which addresses have accounts),
 * the lock after five failures in a row, the pages' look, links and security headers, the way from
 * sign-in to sign-up and back into the authorization, and changing the password.
 */
class LoginProtectionTest extends AuthTestSupport {

    private static final String FAILED = "E-mail or password is incorrect.";
    private static final String HINT = "After 5 failed attempts an account is locked for 15 minutes.";

    @Test
    void fiveFailuresInARowLockTheAccountEvenAgainstTheRightPassword() {
        Customer customer = newCustomer("Lena Lockout");
        Browser browser = new Browser();
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(loginError(signIn(browser, customer.email(), "wrong password " + attempt))).isEqualTo(FAILED);
        }
        Map<String, Object> locked = user(customer.id());
        assertThat(locked).containsEntry("failed_login_count", 5);
        assertThat(((Timestamp) locked.get("locked_until")).toInstant())
                .isCloseTo(clock.instant().plus(Duration.ofMinutes(15)), within(1, ChronoUnit.MINUTES));

        assertThat(loginError(signIn(browser, customer.email(), PASSWORD))).isEqualTo(FAILED);
        assertThat(storefront().tryLogin(customer.email(), PASSWORD)).isEmpty();
        clock.advance(Duration.ofMinutes(14));
        assertThat(storefront().tryLogin(customer.email(), PASSWORD)).isEmpty();
        assertThat(user(customer.id())).containsEntry("failed_login_count", 5);

        clock.advance(Duration.ofMinutes(2));
        OidcTokens tokens = storefront().login(customer.email(), PASSWORD);

        assertThat(subject(tokens.accessToken())).isEqualTo(customer.id().toString());
        Map<String, Object> unlocked = user(customer.id());
        assertThat(unlocked).containsEntry("failed_login_count", 0).containsEntry("locked_until", null);
        assertThat(((Timestamp) unlocked.get("last_login_at")).toInstant()).isCloseTo(clock.instant(), within(1, ChronoUnit.MINUTES));
    }

    @Test
    void aSuccessEndsTheSeriesOfFailures() {
        Customer customer = newCustomer("Sam Series");
        Browser browser = new Browser();
        for (int attempt = 1; attempt <= 4; attempt++) {
            signIn(browser, customer.email(), "wrong password " + attempt);
        }
        assertThat(user(customer.id())).containsEntry("failed_login_count", 4);
        storefront().login(customer.email(), PASSWORD);
        assertThat(user(customer.id())).containsEntry("failed_login_count", 0);
        for (int attempt = 1; attempt <= 4; attempt++) {
            signIn(browser, customer.email(), "wrong password " + attempt);
        }
        assertThat(storefront().tryLogin(customer.email(), PASSWORD)).isPresent();
    }

    @Test
    void unknownAddressWrongPasswordAndDisabledAccountLookTheSame() {
        Customer customer = newCustomer("Uma Unknown");
        Customer disabled = newCustomer("Dora Disabled");
        patch(bearer(signInAdmin().accessToken()), "/v1/users/" + disabled.id(), Map.of("enabled", false)).expectStatus().isOk();

        Page unknown = signIn(new Browser(), "nobody-" + UUID.randomUUID() + "@example.com", PASSWORD);
        Page wrongPassword = signIn(new Browser(), customer.email(), "not the password");
        Page disabledAccount = signIn(new Browser(), disabled.email(), PASSWORD);

        for (Page page : new Page[] {unknown, wrongPassword, disabledAccount}) {
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.uri().toString()).isEqualTo(issuer() + "/login?error");
            assertThat(loginError(page)).isEqualTo(FAILED);
        }
        assertThat(unknown.document().select("main").text()).isEqualTo(wrongPassword.document().select("main").text())
                .isEqualTo(disabledAccount.document().select("main").text());
        assertThat(wrongPassword.document().select("#email").attr("value")).isEqualTo(customer.email());
        assertThat(wrongPassword.document().select("#email").attr("aria-describedby")).isEqualTo("login-error");
    }

    @Test
    void theSignInPageHasItsTextsLinksAndSecurityHeaders() {
        Page login = new Browser().get(issuer() + "/login");

        assertThat(login.status()).isEqualTo(200);
        Document page = login.document();
        assertThat(page.title()).isEqualTo("Log in — Eshop");
        assertThat(page.select("html").attr("lang")).isEqualTo("en");
        assertThat(page.select("h1").text()).isEqualTo("Log in");
        assertThat(page.select("header .brand").text()).isEqualTo("Eshop");
        assertThat(page.select("label[for=email]").text()).startsWith("E-mail");
        assertThat(page.select("label[for=password]").text()).startsWith("Password");
        assertThat(page.select("input[name=_csrf]")).hasSize(1);
        assertThat(page.select("button[type=submit]").text()).isEqualTo("Log in");
        assertThat(page.select("#lockout-hint").text()).isEqualTo(HINT);
        assertThat(page.select("#login-error")).isEmpty();
        assertThat(page.select("a:contains(Create an account)").attr("href")).isEqualTo("/register");
        assertThat(page.select("a:contains(Back to the shop)").attr("href")).isEqualTo(STOREFRONT + "/");
        assertThat(page.select("script, style, [style]")).isEmpty();

        assertThat(login.header("Content-Security-Policy")).isEqualTo("default-src 'self'; frame-ancestors 'none'");
        assertThat(login.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(login.header("Referrer-Policy")).isEqualTo("same-origin");
        assertThat(login.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(login.header("Set-Cookie")).startsWith("ESHOP_AUTH_SESSION=").contains("HttpOnly").containsIgnoringCase("SameSite=Lax");

        for (String stylesheet : page.select("link[rel=stylesheet]").eachAttr("href")) {
            client.get().uri(stylesheet).exchange().expectStatus().isOk();
        }
        // Pico from its webjar (the page links the versioned path, the version-less one works too), then Eshop's own.
        assertThat(page.select("link[rel=stylesheet]").eachAttr("href"))
                .satisfiesExactly(pico -> assertThat(pico).matches("/webjars/picocss__pico/[0-9.]+/css/pico.min.css"),
                        eshop -> assertThat(eshop).isEqualTo("/css/auth.css"));
        client.get().uri("/webjars/picocss__pico/css/pico.min.css").exchange().expectStatus().isOk();
    }

    @Test
    void signingUpFromTheSignInPageContinuesTheAuthorization() {
        Browser browser = new Browser();
        String redirect = STOREFRONT + "/login/oauth2/code/eshop";
        Page login = browser.follow(browser.get(issuer() + "/oauth2/authorize?response_type=code&client_id=storefront"
                + "&scope=openid&redirect_uri=" + URLEncoder.encode(redirect, StandardCharsets.UTF_8)
                + "&state=from-login&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuZ3cQZ5GtM&code_challenge_method=S256"));
        assertThat(login.uri().getPath()).isEqualTo("/login");

        Page register = browser.get(login.document().select("a:contains(Create an account)").first().absUrl("href"));
        assertThat(register.document().select("h1").text()).isEqualTo("Create account");
        assertThat(register.document().select("a:contains(Log in)").attr("href")).isEqualTo("/login");
        Page done = browser.follow(browser.submit(register, Map.of("name", "Walter Way", "email", newEmail("Walter Way"),
                "password", PASSWORD, "confirm_password", PASSWORD)));

        assertThat(done.location()).hasValueSatisfying(back -> assertThat(back.toString())
                .startsWith(redirect + "?code=").contains("state=from-login"));
    }

    @Test
    void theAdminAppsSignInOffersNoSignUp() {
        Browser browser = new Browser();
        Page login = browser.follow(browser.get(issuer() + "/oauth2/authorize?response_type=code&client_id=admin&scope=openid"
                + "&redirect_uri=" + URLEncoder.encode(ADMIN_APP + "/login/oauth2/code/eshop", StandardCharsets.UTF_8)
                + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuZ3cQZ5GtM&code_challenge_method=S256"));

        assertThat(login.uri().getPath()).isEqualTo("/login");
        assertThat(login.document().select("a:contains(Create an account)")).isEmpty();
        assertThat(login.document().select("a:contains(Back to the admin app)").attr("href")).isEqualTo(ADMIN_APP + "/");
        assertThat(login.document().select("#lockout-hint").text()).isEqualTo(HINT);
    }

    @Test
    void aSignedInUserChangesTheirPasswordOnThePage() {
        Customer customer = newCustomer("Pat Password");
        Browser browser = new Browser();
        Page needsLogin = browser.get(issuer() + "/account/password");
        assertThat(needsLogin.location()).hasValueSatisfying(to -> assertThat(to.getPath()).isEqualTo("/login"));
        Page form = browser.follow(browser.submit(browser.follow(needsLogin),
                Map.of("email", customer.email(), "password", PASSWORD)));
        assertThat(form.document().select("h1").text()).isEqualTo("Change password");

        Page wrong = browser.submit(form, Map.of("current_password", "not it", "new_password", "my new long password",
                "confirm_password", "my new long passwort"));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.document().select("#confirm_password-error").text()).isEqualTo("Passwords do not match.");
        Page wrongCurrent = browser.submit(wrong, Map.of("current_password", "not it", "new_password", "my new long password",
                "confirm_password", "my new long password"));
        assertThat(wrongCurrent.document().select("#current_password-error").text()).isEqualTo("The current password is not correct.");

        Page changed = browser.follow(browser.submit(wrongCurrent, Map.of("current_password", PASSWORD,
                "new_password", "my new long password", "confirm_password", "my new long password")));
        assertThat(changed.document().select("[role=status]").text()).isEqualTo("Your password has been changed.");
        assertThat(changed.document().select("a:contains(Back to your account)").attr("href")).isEqualTo(STOREFRONT + "/account");

        assertThat(storefront().tryLogin(customer.email(), PASSWORD)).isEmpty();
        assertThat(storefront().tryLogin(customer.email(), "my new long password")).isPresent();
        Instant changedAt = ((Timestamp) user(customer.id()).get("password_changed_at")).toInstant();
        assertThat(changedAt).isAfter(((Timestamp) user(customer.id()).get("created_at")).toInstant());
    }

    private Page signIn(Browser browser, String email, String password) {
        Page form = browser.get(issuer() + "/login");
        return browser.follow(browser.submit(form, Map.of("email", email, "password", password)));
    }

    private static String loginError(Page page) {
        assertThat(page.document().select("#lockout-hint").text()).isEqualTo(HINT);
        return page.document().select("#login-error").text();
    }
}
