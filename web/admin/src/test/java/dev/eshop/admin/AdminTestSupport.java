package dev.eshop.admin;

import dev.eshop.platform.testing.web.FakeServices;
import dev.eshop.platform.testing.web.Visitor;
import dev.eshop.platform.testing.RedisEngine;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
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

import java.io.IOException;
import java.io.UncheckedIOException;
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

/**
 * The admin app with its real security and sessions (Spring Session on the embedded Redis), its
 * services faked at the HTTP level by {@link FakeServices}, pages requested through MockMvc and read
 * with jsoup. Every test class shares this one application context.
 */
@SpringBootTest(classes = AdminApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
abstract class AdminTestSupport {

    static final String SESSION_COOKIE = "ESHOP_ADMIN_SESSION";

    static final FakeServices services = FakeServices.get();

    static final UUID ADMIN_ID = UUID.fromString("0193a4b0-0000-7000-8000-00000000ad01");
    static final UUID CUSTOMER_ID = UUID.fromString("0193a4b0-0000-7000-8000-00000000c001");

    private static final int REDIS_DATABASE = RedisEngine.get().freshDatabase();

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        RedisEngine redis = RedisEngine.get();
        registry.add("spring.data.redis.host", redis::host);
        registry.add("spring.data.redis.port", redis::port);
        registry.add("spring.data.redis.database", () -> REDIS_DATABASE);
        registry.add("spring.security.oauth2.client.provider.eshop.issuer-uri", services::baseUrl);
        registry.add("spring.security.oauth2.client.registration.eshop.client-secret", () -> "admin-test-secret");
        for (String service : List.of("product", "order", "payment", "warehouse", "sales-report", "auth")) {
            registry.add("eshop.web.services." + service + ".base-url", services::baseUrl);
            registry.add("eshop.web.services." + service + ".read-timeout", () -> "2s");
        }
        registry.add("eshop.web.image-origin", () -> "http://images.test");
    }

    @Autowired
    MockMvc mvc;

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).build();

    @LocalServerPort
    int port;

    @Autowired
    SessionRepository<? extends Session> sessions;

    @Autowired
    ClientRegistrationRepository registrations;

    @BeforeEach
    void freshServices() {
        services.reset();
        Samples.defaults(services);
    }

    /**
     * A request over real HTTP to the running app, for what MockMvc does not do: the servlet
     * container's forwards (the 403 page) and error pages. Returns status and body.
     */
    HttpResponse<String> overHttp(String method, String path, String sessionCookie, String form) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", "text/html")
                .method(method, form == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(form));
        if (form != null) {
            request.header("Content-Type", "application/x-www-form-urlencoded");
        }
        if (sessionCookie != null) {
            request.header("Cookie", SESSION_COOKIE + "=" + sessionCookie);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /** Form fields as name/value pairs, in order. */
    static Map<String, String> fields(String... pairs) {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put(pairs[i], pairs[i + 1]);
        }
        return fields;
    }

    /** Someone who has not signed in (a new browser). */
    Visitor visitor() {
        return new Visitor(mvc, SESSION_COOKIE, null);
    }

    /** The signed-in admin: a session in Redis holding the sign-in and the tokens, as after the code flow. */
    Visitor admin() {
        return signedIn(ADMIN_ID, "Ada Admin", "ADMIN");
    }

    Visitor admin(UUID id, String name) {
        return signedIn(id, name, "ADMIN");
    }

    /** A customer who signed in to the admin app. */
    Visitor customer() {
        return signedIn(CUSTOMER_ID, "Carl Customer", "CUSTOMER");
    }

    /** The access token a user's calls carry. */
    static String accessToken(UUID userId) {
        return "access-" + userId;
    }

    private Visitor signedIn(UUID userId, String name, String role) {
        Instant now = Instant.now();
        String email = name.toLowerCase().replace(' ', '.') + "@example.com";
        OidcIdToken idToken = new OidcIdToken("id-token-" + userId, now, now.plusSeconds(600),
                Map.of("sub", userId.toString(), "iss", services.baseUrl(), "aud", List.of("admin"), "name", name, "email", email,
                        "roles", List.of(role)));
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new OidcUserAuthority(idToken));
        authorities.add(new SimpleGrantedAuthority("ROLE_" + role));
        DefaultOidcUser user = new DefaultOidcUser(authorities, idToken);
        OAuth2AuthenticationToken authentication = new OAuth2AuthenticationToken(user, authorities, "eshop");
        OAuth2AuthorizedClient client = new OAuth2AuthorizedClient(registrations.findByRegistrationId("eshop"), userId.toString(),
                new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, accessToken(userId), now, now.plusSeconds(600)),
                new OAuth2RefreshToken("refresh-" + userId, now));
        String id = store(sessions, Map.of(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY,
                new SecurityContextImpl(authentication),
                HttpSessionOAuth2AuthorizedClientRepository.class.getName() + ".AUTHORIZED_CLIENTS", new HashMap<>(Map.of("eshop", client))));
        return new Visitor(mvc, SESSION_COOKIE, Base64.getEncoder().encodeToString(id.getBytes(StandardCharsets.UTF_8)));
    }

    /** A new session with these attributes, saved in Redis; its id. */
    private static <S extends Session> String store(SessionRepository<S> repository, Map<String, Object> attributes) {
        S session = repository.createSession();
        attributes.forEach(session::setAttribute);
        repository.save(session);
        return session.getId();
    }
}
