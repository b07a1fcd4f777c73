package dev.eshop.auth;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.eshop.auth.Browser.Page;
import dev.eshop.platform.local.CodeFlowLogin;
import dev.eshop.platform.local.CodeFlowLogin.OidcTokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The OpenID Connect provider as the web apps and services use it: the authorization-code flow
 * with PKCE, what the tokens say, refresh-token rotation, userinfo, RP-initiated logout, client
 * credentials, introspection and revocation.
 */
class CodeFlowTest extends AuthTestSupport {

    @Test
    void aCustomerSignsInWithPkceAndTheTokensSayWhoTheyAre() throws Exception {
        String email = newEmail("Carla Customer");
        storefront().register("Carla Customer", email, PASSWORD);

        OidcTokens tokens = storefront().login(email, PASSWORD);

        JWTClaimsSet access = claims(tokens.accessToken());
        UUID userId = UUID.fromString(access.getSubject());
        assertThat(user(userId)).containsEntry("email", email).containsEntry("role", "CUSTOMER");
        assertThat(access.getIssuer()).isEqualTo(issuer());
        assertThat(access.getAudience()).containsExactly("eshop");
        assertThat(access.getStringClaim("email")).isEqualTo(email);
        assertThat(access.getStringClaim("name")).isEqualTo("Carla Customer");
        assertThat(access.getStringListClaim("roles")).containsExactly("CUSTOMER");
        assertThat(access.getClaim("scope").toString()).contains("openid", "profile", "email");
        assertThat(access.getJWTID()).isNotBlank();
        assertThat(Duration.between(access.getIssueTime().toInstant(), access.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofMinutes(10));

        JWTClaimsSet id = claims(tokens.idToken());
        assertThat(id.getSubject()).isEqualTo(userId.toString());
        assertThat(id.getAudience()).containsExactly("storefront");
        assertThat(id.getStringClaim("email")).isEqualTo(email);
        assertThat(id.getStringClaim("name")).isEqualTo("Carla Customer");
        assertThat(id.getStringListClaim("roles")).containsExactly("CUSTOMER");
        assertThat(id.getClaim("auth_time")).isNotNull();
        assertThat(id.getStringClaim("nonce")).isNotBlank();
        assertThat(Duration.between(id.getIssueTime().toInstant(), id.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofMinutes(10));

        get(bearer(tokens.accessToken()), "/v1/users/me").expectStatus().isOk().expectBody()
                .jsonPath("$.id").isEqualTo(userId.toString())
                .jsonPath("$.email").isEqualTo(email)
                .jsonPath("$.name").isEqualTo("Carla Customer")
                .jsonPath("$.role").isEqualTo("CUSTOMER")
                .jsonPath("$.enabled").isEqualTo(true)
                .jsonPath("$.last_login_at").isNotEmpty()
                .jsonPath("$.created_at").isNotEmpty();

        get(bearer(tokens.accessToken()), "/userinfo").expectStatus().isOk().expectBody()
                .jsonPath("$.sub").isEqualTo(userId.toString())
                .jsonPath("$.email").isEqualTo(email)
                .jsonPath("$.name").isEqualTo("Carla Customer")
                .jsonPath("$.roles[0]").isEqualTo("CUSTOMER");
        client.get().uri("/userinfo").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void aRefreshTokenWorksOnceAndTheNewTokensShowTheCurrentName() {
        Customer customer = newCustomer("Rita Refresh");
        patch(customer.bearer(), "/v1/users/me", Map.of("name", "Rita Renamed")).expectStatus().isOk()
                .expectBody().jsonPath("$.name").isEqualTo("Rita Renamed");

        OidcTokens refreshed = storefront().refreshed(customer.tokens().refreshToken());

        assertThat(refreshed.refreshToken()).isNotBlank().isNotEqualTo(customer.tokens().refreshToken());
        assertThat(claims(refreshed.accessToken()).getClaim("name")).isEqualTo("Rita Renamed");
        assertThat(claims(refreshed.accessToken()).getSubject()).isEqualTo(customer.id().toString());
        assertThat(claims(refreshed.idToken()).getClaim("name")).isEqualTo("Rita Renamed");
        HttpResponse<String> reused = storefront().refresh(customer.tokens().refreshToken());
        assertThat(reused.statusCode()).isEqualTo(400);
        assertThat(reused.body()).contains("invalid_grant");
        assertThat(storefront().refreshed(refreshed.refreshToken()).accessToken()).isNotBlank();
        // Another client cannot use the storefront's refresh token.
        assertThat(adminApp().refresh(refreshed.refreshToken()).statusCode()).isEqualTo(400);
    }

    @Test
    void logoutEndsTheAuthSessionAndReturnsToTheShop() throws Exception {
        String email = newEmail("Lou Logout");
        storefront().register("Lou Logout", email, PASSWORD);
        Browser browser = new Browser();
        String verifier = "verifier-" + UUID.randomUUID() + UUID.randomUUID();
        String authorize = authorizeUrl("storefront", STOREFRONT, verifier);

        Page login = browser.follow(browser.get(authorize));
        assertThat(login.uri().getPath()).isEqualTo("/login");
        Page signedIn = browser.follow(browser.submit(login, Map.of("email", email, "password", PASSWORD)));
        String code = codeFrom(signedIn, STOREFRONT);
        OidcTokens tokens = exchange("storefront", STOREFRONT_SECRET, STOREFRONT, code, verifier);
        // One session from signing up, one from this browser.
        assertThat(sessionsOf(subject(tokens.accessToken()))).isEqualTo(2);
        // Signed in: the next authorization needs no password.
        assertThat(codeFrom(browser.follow(browser.get(authorizeUrl("storefront", STOREFRONT, verifier))), STOREFRONT)).isNotBlank();

        Page loggedOut = browser.get(issuer() + "/connect/logout?id_token_hint=" + tokens.idToken()
                + "&post_logout_redirect_uri=" + URLEncoder.encode(STOREFRONT + "/", StandardCharsets.UTF_8) + "&state=bye");

        assertThat(loggedOut.status()).isEqualTo(302);
        assertThat(loggedOut.location()).contains(URI.create(STOREFRONT + "/?state=bye"));
        assertThat(sessionsOf(subject(tokens.accessToken()))).isEqualTo(1);
        assertThat(browser.follow(browser.get(authorize)).uri().getPath()).isEqualTo("/login");
    }

    @Test
    void logoutWithoutARedirectGoesToTheClientsRegisteredPage() {
        OidcTokens admin = signInAdmin();
        Page loggedOut = new Browser().get(issuer() + "/connect/logout?id_token_hint=" + admin.idToken());
        assertThat(loggedOut.location()).contains(URI.create(ADMIN_APP + "/"));
        Page unknownRedirect = new Browser().get(issuer() + "/connect/logout?id_token_hint=" + admin.idToken()
                + "&post_logout_redirect_uri=" + URLEncoder.encode("https://evil.example/", StandardCharsets.UTF_8));
        assertThat(unknownRedirect.status()).isEqualTo(400);
    }

    @Test
    void servicesGetShortLivedTokensWithTheirScopesAndNoRoles() throws Exception {
        String token = CodeFlowLogin.clientCredentials(issuer(), "order-service", ORDER_SECRET);

        JWTClaimsSet claims = claims(token);
        assertThat(claims.getSubject()).isEqualTo("order-service");
        assertThat(claims.getAudience()).containsExactly("eshop");
        assertThat(claims.getIssuer()).isEqualTo(issuer());
        assertThat(claims.getStringListClaim("scope")).containsExactlyInAnyOrder("products.read", "stock.reserve", "shipping.quote");
        assertThat(claims.getClaims()).doesNotContainKeys("roles", "email", "name");
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofMinutes(5));
        // A service is not a user.
        get(bearer(token), "/v1/users/me").expectStatus().isForbidden();

        String cart = CodeFlowLogin.clientCredentials(issuer(), "cart-service", CART_SECRET, "orders.create");
        assertThat(claims(cart).getStringListClaim("scope")).containsExactly("orders.create");
        assertThat(tokenRequest("cart-service", CART_SECRET, "grant_type=client_credentials&scope=products.read").body())
                .contains("invalid_scope");
    }

    @Test
    void aWrongClientSecretIsRefused() throws Exception {
        HttpResponse<String> wrong = tokenRequest("order-service", "not-the-secret", "grant_type=client_credentials");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("invalid_client");
        assertThat(tokenRequest("nobody", ORDER_SECRET, "grant_type=client_credentials").statusCode()).isEqualTo(401);
        assertThatThrownBy(() -> CodeFlowLogin.at(issuer()).client("storefront", "wrong", STOREFRONT + "/login/oauth2/code/eshop")
                .login(ADMIN_EMAIL, ADMIN_PASSWORD)).hasMessageContaining("401");
    }

    @Test
    void revokedRefreshTokensStopWorkingAndIntrospectionTellsWhatIsActive() throws Exception {
        Customer customer = newCustomer("Ivy Introspect");
        HttpResponse<String> active = post("/oauth2/introspect", "storefront", STOREFRONT_SECRET,
                "token=" + customer.tokens().accessToken());
        assertThat(active.body()).contains("\"active\":true").contains(customer.id().toString());

        HttpResponse<String> revoked = post("/oauth2/revoke", "storefront", STOREFRONT_SECRET,
                "token=" + customer.tokens().refreshToken() + "&token_type_hint=refresh_token");
        assertThat(revoked.statusCode()).isEqualTo(200);
        assertThat(storefront().refresh(customer.tokens().refreshToken()).body()).contains("invalid_grant");
        assertThat(post("/oauth2/introspect", "storefront", STOREFRONT_SECRET, "token=" + customer.tokens().refreshToken()).body())
                .contains("\"active\":false");
    }

    @Test
    void theDiscoveryDocumentNamesTheEndpoints() {
        client.get().uri("/.well-known/openid-configuration").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.issuer").isEqualTo(issuer())
                .jsonPath("$.authorization_endpoint").isEqualTo(issuer() + "/oauth2/authorize")
                .jsonPath("$.token_endpoint").isEqualTo(issuer() + "/oauth2/token")
                .jsonPath("$.jwks_uri").isEqualTo(issuer() + "/oauth2/jwks")
                .jsonPath("$.userinfo_endpoint").isEqualTo(issuer() + "/userinfo")
                .jsonPath("$.end_session_endpoint").isEqualTo(issuer() + "/connect/logout")
                .jsonPath("$.introspection_endpoint").isEqualTo(issuer() + "/oauth2/introspect")
                .jsonPath("$.revocation_endpoint").isEqualTo(issuer() + "/oauth2/revoke");
        client.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody(String.class).value(document -> assertThat(document)
                .contains("/v1/users/{id}", "/v1/users/me/password", "/v1/users/admins", "/v1/signing-keys/rotate")
                .doesNotContain("/register", "/account/password"));
        client.get().uri("/oauth2/jwks").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.keys[0].kty").isEqualTo("RSA")
                .jsonPath("$.keys[0].d").doesNotExist();
    }

    private int sessionsOf(String userId) {
        return jdbc.sql("SELECT count(*) FROM spring_session WHERE principal_name = ?").param(userId).query(Integer.class).single();
    }

    private String authorizeUrl(String clientId, String app, String verifier) throws Exception {
        String challenge = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        return issuer() + "/oauth2/authorize?response_type=code&client_id=" + clientId + "&scope=openid%20profile%20email"
                + "&redirect_uri=" + URLEncoder.encode(app + "/login/oauth2/code/eshop", StandardCharsets.UTF_8)
                + "&state=s1&nonce=n1&code_challenge=" + challenge + "&code_challenge_method=S256";
    }

    private static String codeFrom(Page page, String app) {
        assertThat(page.location()).as("redirect back to the app").isPresent();
        URI location = page.location().get();
        assertThat(location.toString()).startsWith(app + "/login/oauth2/code/eshop");
        return List.of(location.getQuery().split("&")).stream().filter(p -> p.startsWith("code=")).findFirst().orElseThrow()
                .substring("code=".length());
    }

    private OidcTokens exchange(String clientId, String secret, String app, String code, String verifier) throws Exception {
        HttpResponse<String> response = tokenRequest(clientId, secret, "grant_type=authorization_code&code=" + code
                + "&redirect_uri=" + URLEncoder.encode(app + "/login/oauth2/code/eshop", StandardCharsets.UTF_8)
                + "&code_verifier=" + verifier);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode json = JsonMapper.builder().build().readTree(response.body());
        return new OidcTokens(json.get("access_token").asString(), json.get("refresh_token").asString(), json.get("id_token").asString());
    }

    private HttpResponse<String> tokenRequest(String clientId, String secret, String form) throws Exception {
        return post("/oauth2/token", clientId, secret, form);
    }

    private HttpResponse<String> post(String path, String clientId, String secret, String form) throws Exception {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(issuer() + path))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", MediaType.APPLICATION_FORM_URLENCODED_VALUE)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }
}
