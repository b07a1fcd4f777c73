package dev.eshop.platform.webapp;

import dev.eshop.platform.testing.WithRedis;
import dev.eshop.platform.webapp.testapp.TestWebApp;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.util.UriComponentsBuilder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web apps' security on a small app (spec/ui.md §0.2, §0.4): the whole code flow with PKCE
 * against a fake auth, the tokens kept in the Redis session and put on the calls to a service,
 * refreshing them, signing in again when that fails, CSRF, the security headers, logout, and how
 * a service's problems become pages.
 */
@SpringBootTest(classes = TestWebApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@WithRedis
class WebAppSecurityTest {

    static final FakeIssuer auth = FakeIssuer.get();
    static final String COOKIE = "WEBAPP_TEST_SESSION";
    static final String CSP = "default-src 'self'; img-src 'self' blob: http://images.test; script-src 'self'; frame-ancestors 'none'";

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.client.provider.eshop.issuer-uri", auth::uri);
        registry.add("eshop.web.services.catalog.base-url", auth::uri);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    SessionRepository<? extends Session> sessions;

    @Autowired
    ClientRegistrationRepository registrations;

    @Autowired
    StringRedisTemplate redis;

    @LocalServerPort
    int port;

    private String session;

    @BeforeEach
    void reset() {
        auth.reset();
        session = null;
        auth.answer("GET", "/v1/things", request -> new FakeIssuer.Answer(200, "\"public things\""));
        auth.answer("GET", "/v1/things/mine", request -> new FakeIssuer.Answer(200, "\"things of " + request.authorization() + "\""));
    }

    @Test
    void signingInRunsTheCodeFlowWithPkceAndComesBackToThePage() throws Exception {
        MvcResult login = get("/login?return=/private?tab=all", Map.of());
        assertThat(login.getResponse().getRedirectedUrl()).isEqualTo("/oauth2/authorization/eshop");

        URI authorize = URI.create(get("/oauth2/authorization/eshop", Map.of()).getResponse().getRedirectedUrl());
        assertThat(authorize.toString()).startsWith(auth.uri() + "/oauth2/authorize?");
        Map<String, String> query = UriComponentsBuilder.fromUri(authorize).build().getQueryParams().toSingleValueMap();
        assertThat(query).containsEntry("response_type", "code").containsEntry("client_id", "test-app")
                .containsEntry("code_challenge_method", "S256").containsEntry("scope", "openid%20profile%20email")
                .containsKeys("state", "nonce", "code_challenge").doesNotContainKey("prompt");
        String userId = UUID.randomUUID().toString();
        auth.authorize("code-1", query.get("code_challenge"), query.get("nonce"), userId);

        MvcResult back = get("/login/oauth2/code/eshop?code=code-1&state=" + query.get("state"), Map.of());

        assertThat(back.getResponse().getRedirectedUrl()).isEqualTo("/private?tab=all");
        assertThat(auth.requests("POST", "/oauth2/token")).singleElement()
                .satisfies(exchange -> assertThat(exchange.form()).containsEntry("grant_type", "authorization_code").containsKey("code_verifier"));
        MvcResult page = get("/private", Map.of());
        assertThat(page.getResponse().getStatus()).isEqualTo(200);
        String html = page.getResponse().getContentAsString();
        assertThat(html).contains("Carl Customer &lt;carl@example.com&gt; customer=true admin=false");
        assertThat(html).as("the call carries the user's access token").contains("things of Bearer access-1");
        assertThat(redis.keys("webapp-test:session:*")).as("the session, with the tokens, is in Redis").isNotEmpty();
    }

    @Test
    void signUpAsksAuthForItsRegistrationPage() {
        get("/login", Map.of());

        URI authorize = URI.create(get("/oauth2/authorization/eshop?prompt=create", Map.of()).getResponse().getRedirectedUrl());

        assertThat(authorize.getQuery()).contains("prompt=create", "code_challenge_method=S256");
    }

    @Test
    void signedOutAPrivatePageSignsInFirstAndAPublicOneCallsWithoutAToken() throws Exception {
        assertThat(get("/private?tab=all", Map.of()).getResponse().getRedirectedUrl()).isEqualTo("/login?return=%2Fprivate%3Ftab%3Dall");

        MvcResult htmx = get("/private", Map.of("HX-Request", "true", "HX-Current-URL", "http://localhost/private?tab=mine"));
        assertThat(htmx.getResponse().getStatus()).isEqualTo(401);
        assertThat(htmx.getResponse().getHeader("HX-Redirect")).isEqualTo("/login?return=%2Fprivate%3Ftab%3Dmine");

        assertThat(get("/", Map.of()).getResponse().getContentAsString()).contains("public things");
        assertThat(auth.requests("GET", "/v1/things")).singleElement().extracting(FakeIssuer.Request::authorization).isNull();
    }

    @Test
    void anExpiredAccessTokenIsRefreshedOnceAndTheNewOneUsed() throws Exception {
        auth.answer("POST", "/oauth2/token", request -> "refresh_token".equals(request.form().get("grant_type"))
                && "refresh-old".equals(request.form().get("refresh_token"))
                ? new FakeIssuer.Answer(200, """
                        {"access_token":"access-new","token_type":"Bearer","expires_in":600,"refresh_token":"refresh-new"}""")
                : new FakeIssuer.Answer(400, "{\"error\":\"invalid_grant\"}"));
        signedIn(Instant.now().minusSeconds(30));

        assertThat(get("/private", Map.of()).getResponse().getContentAsString()).contains("things of Bearer access-new");
        assertThat(get("/private", Map.of()).getResponse().getContentAsString()).contains("things of Bearer access-new");

        assertThat(auth.requests("POST", "/oauth2/token")).as("refreshed once, the new tokens kept in the session").hasSize(1);
    }

    @Test
    void aRefusedRefreshSignsTheUserInAgainAndComesBackToThePage() {
        auth.answer("POST", "/oauth2/token", request -> new FakeIssuer.Answer(400, "{\"error\":\"invalid_grant\"}"));
        signedIn(Instant.now().minusSeconds(30));
        String before = session;

        MvcResult page = get("/private?tab=all", Map.of());

        assertThat(page.getResponse().getRedirectedUrl()).isEqualTo("/login?return=%2Fprivate%3Ftab%3Dall");
        session = before;
        assertThat(get("/private", Map.of()).getResponse().getRedirectedUrl()).as("the old session is gone").startsWith("/login");
    }

    @Test
    void aTokenTheServiceRefusesSignsTheUserInAgain() {
        auth.answer("GET", "/v1/things/mine", request -> new FakeIssuer.Answer(401, "{\"status\":401,\"detail\":\"bad token\"}"));
        signedIn(Instant.now().plusSeconds(600));

        assertThat(get("/private", Map.of()).getResponse().getRedirectedUrl()).isEqualTo("/login?return=%2Fprivate");
    }

    @Test
    void servicesProblemsBecomeThePagesWithTheirReference() throws Exception {
        signedIn(Instant.now().plusSeconds(600));
        auth.answer("GET", "/v1/things/mine", request -> new FakeIssuer.Answer(404, """
                {"type":"https://eshop.example/problems/not-found","status":404,"detail":"There is no thing 7.","trace_id":"abc123"}"""));
        MvcResult notFound = get("/private", Map.of());
        assertThat(notFound.getResponse().getStatus()).isEqualTo(404);
        assertThat(notFound.getResponse().getContentAsString()).contains("Error page 404", "We couldn&#39;t find that page.", "Reference: abc123");

        auth.answer("GET", "/v1/things/mine", request -> new FakeIssuer.Answer(403, """
                {"type":"https://eshop.example/problems/forbidden","status":403,"detail":"Not yours.","trace_id":"def456"}"""));
        MvcResult forbidden = get("/private", Map.of());
        assertThat(forbidden.getResponse().getStatus()).isEqualTo(403);
        assertThat(forbidden.getResponse().getContentAsString()).contains("You don&#39;t have access to this page.", "Reference: def456")
                .doesNotContain("Not yours.");

        auth.answer("GET", "/v1/things/mine", request -> new FakeIssuer.Answer(500, """
                {"type":"https://eshop.example/problems/internal","status":500,"detail":"NullPointerException at line 3"}"""));
        MvcResult broken = get("/private", Map.of());
        assertThat(broken.getResponse().getStatus()).isEqualTo(503);
        assertThat(broken.getResponse().getContentAsString()).contains("Error page 503",
                "This part of the shop is not responding. Please try again in a moment.").doesNotContain("NullPointerException");
        assertThat(referenceOf(broken)).as("the request's own trace id").matches("[0-9a-f]{32}");
    }

    @Test
    void aServiceThatDoesNotAnswerInTimeIsThe503PageOrForHtmxAMessage() throws Exception {
        signedIn(Instant.now().plusSeconds(600));
        auth.answer("GET", "/v1/things/mine", request -> null);

        MvcResult page = get("/private", Map.of());
        assertThat(page.getResponse().getStatus()).isEqualTo(503);
        assertThat(page.getResponse().getContentAsString()).contains("This part of the shop is not responding.");

        MvcResult htmx = get("/private", Map.of("HX-Request", "true"));
        assertThat(htmx.getResponse().getStatus()).isEqualTo(200);
        assertThat(htmx.getResponse().getHeader("HX-Retarget")).isEqualTo("#messages");
        assertThat(htmx.getResponse().getHeader("HX-Reswap")).isEqualTo("innerHTML");
        assertThat(htmx.getResponse().getContentAsString()).startsWith("<p role=\"alert\">")
                .contains("This part of the shop is not responding. Please try again in a moment.");
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        MvcResult page = get("/", Map.of());

        assertThat(page.getResponse().getHeader("Content-Security-Policy")).isEqualTo(CSP);
        assertThat(page.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.getResponse().getHeader("Referrer-Policy")).isEqualTo("same-origin");
        assertThat(page.getResponse().getHeader("X-Frame-Options")).isEqualTo("DENY");
    }

    @Test
    void aFormPostNeedsItsCsrfToken() throws Exception {
        signedIn(Instant.now().plusSeconds(600));
        auth.answer("POST", "/v1/things", request -> new FakeIssuer.Answer(201, "{}"));
        String token = csrfToken(get("/", Map.of()).getResponse().getContentAsString());

        HttpResponse<String> refused = overHttp("/private/things", "");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("Error page 403", "You don&#39;t have access to this page.");
        assertThat(auth.requests("POST", "/v1/things")).isEmpty();

        MvcResult accepted = post("/private/things", Map.of("_csrf", token));
        assertThat(accepted.getResponse().getRedirectedUrl()).isEqualTo("/private");
        assertThat(auth.requests("POST", "/v1/things")).hasSize(1);
    }

    @Test
    void logOutEndsTheSessionAndGoesToAuthsLogoutWithTheIdToken() throws Exception {
        signedIn(Instant.now().plusSeconds(600));
        String token = csrfToken(get("/", Map.of()).getResponse().getContentAsString());

        URI endSession = URI.create(post("/logout", Map.of("_csrf", token)).getResponse().getRedirectedUrl());

        assertThat(endSession.toString()).startsWith(auth.uri() + "/connect/logout?");
        assertThat(endSession.getQuery()).contains("id_token_hint=id-token-value", "post_logout_redirect_uri=http://localhost/");
        assertThat(get("/private", Map.of()).getResponse().getRedirectedUrl()).startsWith("/login");
    }

    @Test
    void loginReturnsOnlyToPathsOnThisApp() {
        get("/login?return=//evil.example/steal", Map.of());
        String userId = UUID.randomUUID().toString();
        URI authorize = URI.create(get("/oauth2/authorization/eshop", Map.of()).getResponse().getRedirectedUrl());
        Map<String, String> query = UriComponentsBuilder.fromUri(authorize).build().getQueryParams().toSingleValueMap();
        auth.authorize("code-2", query.get("code_challenge"), query.get("nonce"), userId);

        MvcResult back = get("/login/oauth2/code/eshop?code=code-2&state=" + query.get("state"), Map.of());

        assertThat(back.getResponse().getRedirectedUrl()).isEqualTo("/");
    }

    /** A session as the code flow leaves it: the sign-in and the tokens, the access token expiring at {@code expiresAt}. */
    private void signedIn(Instant expiresAt) {
        Instant issued = expiresAt.minusSeconds(600);
        String userId = UUID.randomUUID().toString();
        OidcIdToken idToken = new OidcIdToken("id-token-value", issued, issued.plusSeconds(600),
                Map.of("sub", userId, "name", "Carl Customer", "email", "carl@example.com", "roles", List.of("CUSTOMER")));
        List<GrantedAuthority> authorities = new ArrayList<>(List.of(new OidcUserAuthority(idToken), new SimpleGrantedAuthority("ROLE_CUSTOMER")));
        OAuth2AuthenticationToken user = new OAuth2AuthenticationToken(new DefaultOidcUser(authorities, idToken), authorities, "eshop");
        OAuth2AuthorizedClient tokens = new OAuth2AuthorizedClient(registrations.findByRegistrationId("eshop"), userId,
                new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "access-old", issued, expiresAt),
                new OAuth2RefreshToken("refresh-old", issued));
        String id = store(sessions, Map.of(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, new SecurityContextImpl(user),
                HttpSessionOAuth2AuthorizedClientRepository.class.getName() + ".AUTHORIZED_CLIENTS", new HashMap<>(Map.of("eshop", tokens))));
        session = Base64.getEncoder().encodeToString(id.getBytes(StandardCharsets.UTF_8));
    }

    private static <S extends Session> String store(SessionRepository<S> repository, Map<String, Object> attributes) {
        S stored = repository.createSession();
        attributes.forEach(stored::setAttribute);
        repository.save(stored);
        return stored.getId();
    }

    private MvcResult get(String path, Map<String, String> headers) {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.get(URI.create(path)).header("Accept", "text/html");
        headers.forEach(request::header);
        return perform(request);
    }

    private MvcResult post(String path, Map<String, String> form) {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post(path).header("Accept", "text/html");
        form.forEach(request::param);
        return perform(request);
    }

    private MvcResult perform(MockHttpServletRequestBuilder request) {
        if (session != null) {
            request.cookie(new Cookie(COOKIE, session));
        }
        try {
            MvcResult result = mvc.perform(request).andReturn();
            for (String cookie : result.getResponse().getHeaders("Set-Cookie")) {
                if (cookie.startsWith(COOKIE + "=")) {
                    String value = cookie.substring(COOKIE.length() + 1, cookie.indexOf(';'));
                    session = value.isEmpty() ? null : value;
                }
            }
            return result;
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** A form post over real HTTP, where the refused request is forwarded to the 403 page as in production. */
    private HttpResponse<String> overHttp(String path, String form) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Cookie", COOKIE + "=" + session)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private static String csrfToken(String html) {
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(token.find()).as("a CSRF token in the page's forms").isTrue();
        return token.group(1);
    }

    private static String referenceOf(MvcResult result) throws Exception {
        Matcher reference = Pattern.compile("Reference: ([^<]*)<").matcher(result.getResponse().getContentAsString());
        return reference.find() ? reference.group(1) : null;
    }
}
