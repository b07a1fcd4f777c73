package dev.eshop.auth;

import com.zaxxer.hikari.HikariDataSource;
import dev.eshop.auth.Browser.Page;
import dev.eshop.platform.local.CodeFlowLogin.OidcTokens;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import javax.sql.DataSource;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Accounts: sign-up can never make an admin, only admins make admins, disabling signs a user out
 * everywhere and the admin rules hold; bad input is answered field by field, on the page and in the API.
 */
@SuppressWarnings("unchecked")
class UserAdministrationTest extends AuthTestSupport {

    @Autowired
    private DataSource dataSource;

    @Test
    void signingUpThroughTheApiAlwaysMakesACustomer() {
        String email = newEmail("Mallory Api");
        Map<String, Object> body = Map.of("email", "  " + email.toUpperCase() + " ", "name", "Mallory Api", "password", PASSWORD,
                "role", "ADMIN", "roles", List.of("ADMIN"), "created_by", UUID.randomUUID().toString());

        var created = post(null, "/v1/users", body).expectStatus().isCreated()
                .expectHeader().value("Location", location -> assertThat(location).startsWith(issuer() + "/v1/users/"))
                .expectBody()
                .jsonPath("$.email").isEqualTo(email)
                .jsonPath("$.role").isEqualTo("CUSTOMER")
                .jsonPath("$.enabled").isEqualTo(true)
                .jsonPath("$.last_login_at").isEmpty()
                .jsonPath("$.password").doesNotExist()
                .jsonPath("$.password_hash").doesNotExist()
                .returnResult();
        assertThat(new String(created.getResponseBodyContent())).doesNotContain(PASSWORD);

        OidcTokens tokens = adminApp().login(email, PASSWORD);
        assertThat(claims(tokens.accessToken()).getClaim("roles")).isEqualTo(List.of("CUSTOMER"));
        get(bearer(tokens.accessToken()), "/v1/users").expectStatus().isForbidden();
        assertThat(jdbc.sql("SELECT role, created_by IS NULL AS no_creator, password_hash FROM users WHERE email = ?").param(email)
                .query().singleRow()).containsEntry("role", "CUSTOMER").containsEntry("no_creator", true)
                .hasEntrySatisfying("password_hash", hash -> assertThat((String) hash).startsWith("{bcrypt}$2a$12$"));
    }

    @Test
    void signingUpOnThePageAlwaysMakesACustomer() {
        String email = newEmail("Mallory Page");
        Browser browser = new Browser();
        Page form = browser.get(issuer() + "/register");

        Page done = browser.submit(form, Map.of("name", "ADMIN", "email", email, "password", PASSWORD, "confirm_password", PASSWORD,
                "role", "ADMIN", "roles", "ADMIN"));

        assertThat(done.status()).isEqualTo(302);
        assertThat(done.location()).hasValueSatisfying(to -> assertThat(to.toString()).isEqualTo(STOREFRONT + "/"));
        assertThat(jdbc.sql("SELECT role FROM users WHERE email = ?").param(email).query(String.class).single()).isEqualTo("CUSTOMER");
        // Signed in by the sign-up: the change-password page opens without a login.
        assertThat(browser.get(issuer() + "/account/password").status()).isEqualTo(200);
        OidcTokens tokens = storefront().register("Mallory Again", newEmail("Mallory Again"), PASSWORD);
        assertThat(claims(tokens.accessToken()).getClaim("roles")).isEqualTo(List.of("CUSTOMER"));
    }

    @Test
    void onlyAnAdminCreatesAnAdminWhoThenSignsInAsAdmin() {
        OidcTokens admin = signInAdmin();
        UUID adminId = UUID.fromString(subject(admin.accessToken()));
        Customer customer = newCustomer("Cody Customer");
        String email = newEmail("Alan Admin");
        Map<String, Object> body = Map.of("email", email, "name", "Alan Admin", "password", PASSWORD);

        post(customer.bearer(), "/v1/users/admins", body).expectStatus().isForbidden().expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "forbidden");
        client.post().uri("/v1/users/admins").header("Authorization", bearer(admin.accessToken()))
                .header("Idempotency-Key", "new-admin-1").contentType(MediaType.APPLICATION_JSON).body(body).exchange()
                .expectStatus().isCreated().expectBody()
                .jsonPath("$.role").isEqualTo("ADMIN").jsonPath("$.email").isEqualTo(email);
        client.post().uri("/v1/users/admins").header("Authorization", bearer(admin.accessToken()))
                .header("Idempotency-Key", "new-admin-1").contentType(MediaType.APPLICATION_JSON).body(body).exchange()
                .expectStatus().isCreated().expectHeader().valueEquals("Idempotent-Replayed", "true");
        assertThat(jdbc.sql("SELECT count(*) FROM users WHERE email = ?").param(email).query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT created_by FROM users WHERE email = ?").param(email).query(UUID.class).single()).isEqualTo(adminId);

        OidcTokens newAdmin = adminApp().login(email, PASSWORD);
        assertThat(claims(newAdmin.accessToken()).getClaim("roles")).isEqualTo(List.of("ADMIN"));
        get(bearer(newAdmin.accessToken()), "/v1/users?role=ADMIN&sort=email,asc").expectStatus().isOk().expectBody()
                .jsonPath("$.items[*].email").value(emails -> assertThat((List<Object>) emails).contains(email, ADMIN_EMAIL))
                .jsonPath("$.items[*].role").value(roles -> assertThat((List<Object>) roles).containsOnly("ADMIN"));
    }

    @Test
    void aDisabledUserIsSignedOutEverywhereUntilEnabledAgain() {
        OidcTokens admin = signInAdmin();
        Customer customer = newCustomer("Dana Disabled");
        assertThat(sessionsOf(customer.id())).isPositive();

        patch(bearer(admin.accessToken()), "/v1/users/" + customer.id(), Map.of("enabled", false)).expectStatus().isOk()
                .expectBody().jsonPath("$.enabled").isEqualTo(false);

        HttpResponse<String> refresh = storefront().refresh(customer.tokens().refreshToken());
        assertThat(refresh.statusCode()).isEqualTo(400);
        assertThat(refresh.body()).contains("invalid_grant");
        assertThat(storefront().tryLogin(customer.email(), PASSWORD)).isEmpty();
        assertThat(sessionsOf(customer.id())).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM oauth2_authorization WHERE principal_name = ?").param(customer.id().toString())
                .query(Integer.class).single()).isZero();
        get(bearer(admin.accessToken()), "/v1/users?enabled=false&q=dana").expectStatus().isOk().expectBody()
                .jsonPath("$.items[0].id").isEqualTo(customer.id().toString()).jsonPath("$.total").isEqualTo(1);

        patch(bearer(admin.accessToken()), "/v1/users/" + customer.id(), Map.of("enabled", true)).expectStatus().isOk()
                .expectBody().jsonPath("$.enabled").isEqualTo(true);
        OidcTokens again = storefront().login(customer.email(), PASSWORD);
        get(bearer(again.accessToken()), "/v1/users/me").expectStatus().isOk().expectBody().jsonPath("$.enabled").isEqualTo(true);
    }

    @Test
    void anAdminCannotDisableThemselfNorTheLastAdmin() {
        OidcTokens ada = signInAdmin();
        UUID adaId = UUID.fromString(subject(ada.accessToken()));
        patch(bearer(ada.accessToken()), "/v1/users/" + adaId, Map.of("enabled", false)).expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "rule-violated").jsonPath("$.rule").isEqualTo("cannot-disable-self");

        String bobEmail = newEmail("Bob Admin");
        post(bearer(ada.accessToken()), "/v1/users/admins", Map.of("email", bobEmail, "name", "Bob Admin", "password", PASSWORD))
                .expectStatus().isCreated();
        OidcTokens bob = adminApp().login(bobEmail, PASSWORD);
        UUID bobId = UUID.fromString(subject(bob.accessToken()));
        patch(bearer(ada.accessToken()), "/v1/users/" + bobId, Map.of("enabled", false)).expectStatus().isOk();

        // Bob's access token still runs for its ten minutes, but Ada is the last enabled admin.
        patch(bearer(bob.accessToken()), "/v1/users/" + adaId, Map.of("enabled", false)).expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.rule").isEqualTo("last-admin")
                .jsonPath("$.detail").isEqualTo("You cannot disable the last admin.");
        get(bearer(ada.accessToken()), "/v1/users/" + adaId).expectStatus().isOk().expectBody().jsonPath("$.enabled").isEqualTo(true);
        patch(bearer(ada.accessToken()), "/v1/users/" + bobId, Map.of("enabled", true)).expectStatus().isOk();
    }

    @Test
    void usersChangeTheirNameAndPassword() {
        Customer customer = newCustomer("Nina Name");
        patch(customer.bearer(), "/v1/users/me", Map.of("name", "  Nina New  ")).expectStatus().isOk().expectBody()
                .jsonPath("$.name").isEqualTo("Nina New");
        patch(customer.bearer(), "/v1/users/me", Map.of("name", " ")).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("name");

        put(customer.bearer(), "/v1/users/me/password", Map.of("current_password", "not my password", "new_password", "another long password"))
                .expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "rule-violated").jsonPath("$.rule").isEqualTo("wrong-current-password");
        put(customer.bearer(), "/v1/users/me/password", Map.of("current_password", PASSWORD, "new_password", "short"))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("new_password");
        put(customer.bearer(), "/v1/users/me/password", Map.of("current_password", PASSWORD, "new_password", " spaces count too "))
                .expectStatus().isNoContent();

        assertThat(storefront().tryLogin(customer.email(), PASSWORD)).isEmpty();
        assertThat(storefront().tryLogin(customer.email(), "spaces count too")).isEmpty();
        assertThat(storefront().tryLogin(customer.email(), " spaces count too ")).isPresent();
    }

    @Test
    void badInputToTheApiIsAnsweredFieldByField() {
        OidcTokens admin = signInAdmin();
        post(null, "/v1/users", Map.of("email", "not-an-address", "name", "", "password", "too short")).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "validation")
                .jsonPath("$.errors[*].field").value(fields -> assertThat((List<Object>) fields).containsExactly("email", "name", "password"))
                .jsonPath("$.errors[2].message").isEqualTo("must be between 12 and 128 characters");
        String tooLong = "a".repeat(60) + "@" + ("b".repeat(60) + ".").repeat(4) + "com";
        post(null, "/v1/users", Map.of("email", tooLong, "name", "n".repeat(101), "password", "p".repeat(129)))
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[*].field").value(fields -> assertThat((List<Object>) fields).containsExactly("email", "name", "password"));
        String email = newEmail("Same Password");
        post(null, "/v1/users", Map.of("email", email, "name", "Same", "password", email.toUpperCase())).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("password");
        post(null, "/v1/users", "{\"email\": ").expectStatus().isBadRequest().expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "malformed-request");

        Customer taken = newCustomer("Taken Name");
        post(null, "/v1/users", Map.of("email", taken.email().toUpperCase(), "name", "Copy", "password", PASSWORD))
                .expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "duplicate").jsonPath("$.field").isEqualTo("email")
                .jsonPath("$.detail").isEqualTo("This e-mail is already registered.");
        post(bearer(admin.accessToken()), "/v1/users/admins", Map.of("email", taken.email(), "name", "Copy", "password", PASSWORD))
                .expectStatus().isEqualTo(409);

        String auth = bearer(admin.accessToken());
        get(auth, "/v1/users/not-a-uuid").expectStatus().isBadRequest().expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "malformed-request");
        get(auth, "/v1/users/" + UUID.randomUUID()).expectStatus().isNotFound().expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "not-found");
        patch(auth, "/v1/users/" + UUID.randomUUID(), Map.of("enabled", false)).expectStatus().isNotFound();
        patch(auth, "/v1/users/" + taken.id(), Map.of()).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("enabled");
        get(auth, "/v1/users?size=0").expectStatus().isBadRequest();
        get(auth, "/v1/users?size=101").expectStatus().isBadRequest();
        get(auth, "/v1/users?sort=password_hash,asc").expectStatus().isBadRequest();
        get(auth, "/v1/users?role=OWNER").expectStatus().isBadRequest();
        get(auth, "/v1/users?q=taken&sort=name,asc&size=5").expectStatus().isOk().expectBody()
                .jsonPath("$.items[0].email").isEqualTo(taken.email())
                .jsonPath("$.size").isEqualTo(5).jsonPath("$.page").isEqualTo(0);
        get(auth, "/v1/users?q=nobody-is-called-this").expectStatus().isOk().expectBody()
                .jsonPath("$.items").isEmpty().jsonPath("$.total").isEqualTo(0);
    }

    @Test
    void listingUsersMoreOftenThanThePoolHasConnectionsStillAnswers() {
        String auth = bearer(signInAdmin().accessToken());
        int connections = ((HikariDataSource) dataSource).getMaximumPoolSize();
        for (int i = 0; i <= connections; i++) {
            get(auth, "/v1/users?size=5").expectStatus().isOk();
        }
    }

    @Test
    void badInputOnTheSignUpPageIsShownNextToTheFields() {
        Browser browser = new Browser();
        Page form = browser.get(issuer() + "/register");
        Page invalid = browser.submit(form, Map.of("name", " ", "email", "not-an-address", "password", "short", "confirm_password", "other"));

        assertThat(invalid.status()).isEqualTo(400);
        Document page = invalid.document();
        assertThat(page.select("#name-error").text()).isEqualTo("Enter your name.");
        assertThat(page.select("#email-error").text()).isEqualTo("Enter an e-mail address like name@example.com.");
        assertThat(page.select("#password-error").text()).isEqualTo("Use at least 12 characters.");
        assertThat(page.select("#confirm_password-error").text()).isEqualTo("Passwords do not match.");
        assertThat(page.select("#password").attr("aria-describedby")).isEqualTo("password-hint password-error");
        assertThat(page.select("#password").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.select("#email").attr("value")).isEqualTo("not-an-address");
        assertThat(page.select("[role=alert] li")).hasSize(4);
        assertThat(page.select("#password-hint").text()).isEqualTo("At least 12 characters");

        Customer taken = newCustomer("Taken Page");
        Page duplicate = browser.submit(invalid, Map.of("name", "Copy", "email", taken.email(), "password", PASSWORD,
                "confirm_password", PASSWORD));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.document().select("#email-error").text()).isEqualTo("This e-mail is already registered.");
        assertThat(duplicate.document().select("#email").attr("aria-describedby")).isEqualTo("email-error");
        assertThat(duplicate.document().select("#name-error")).isEmpty();

        // No CSRF token: refused.
        assertThat(browser.post(issuer() + "/register", Map.of("name", "X", "email", newEmail("X"), "password", PASSWORD,
                "confirm_password", PASSWORD)).status()).isEqualTo(403);
    }

    private int sessionsOf(UUID userId) {
        return jdbc.sql("SELECT count(*) FROM spring_session WHERE principal_name = ?").param(userId.toString())
                .query(Integer.class).single();
    }

    private org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec put(String authorization, String path, Object body) {
        return client.put().uri(path).header("Authorization", authorization).contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }
}
