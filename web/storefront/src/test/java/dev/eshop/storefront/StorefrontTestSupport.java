package dev.eshop.storefront;

import dev.eshop.platform.testing.RedisEngine;
import dev.eshop.platform.testing.web.FakeServices;
import dev.eshop.platform.testing.web.Visitor;
import dev.eshop.platform.testing.web.WebAppSessions;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

/**
 * The storefront with its real security and sessions (Spring Session on the embedded Redis), its
 * services faked at the HTTP level by {@link FakeServices}, pages requested through MockMvc and
 * read with jsoup. Every test class shares this one application context.
 */
@SpringBootTest(classes = StorefrontApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
abstract class StorefrontTestSupport {

    static final String SESSION_COOKIE = "ESHOP_STOREFRONT_SESSION";

    static final FakeServices services = FakeServices.get();

    private static final int REDIS_DATABASE = RedisEngine.get().freshDatabase();

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        RedisEngine redis = RedisEngine.get();
        registry.add("spring.data.redis.host", redis::host);
        registry.add("spring.data.redis.port", redis::port);
        registry.add("spring.data.redis.database", () -> REDIS_DATABASE);
        registry.add("spring.security.oauth2.client.provider.eshop.issuer-uri", services::baseUrl);
        registry.add("spring.security.oauth2.client.registration.eshop.client-secret", () -> "storefront-test-secret");
        for (String service : List.of("product", "cart", "order", "payment", "auth")) {
            registry.add("eshop.web.services." + service + ".base-url", services::baseUrl);
            registry.add("eshop.web.services." + service + ".read-timeout", () -> "2s");
        }
        registry.add("eshop.web.image-origin", () -> "http://images.test");
    }

    @Autowired
    MockMvc mvc;

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

    private WebAppSessions webApp() {
        return new WebAppSessions(mvc, SESSION_COOKIE, sessions, registrations.findByRegistrationId("eshop"));
    }

    /** A request over real HTTP to the running app (see {@link WebAppSessions#overHttp}). */
    HttpResponse<String> overHttp(String method, String path, String sessionCookie, String form) {
        return webApp().overHttp(port, method, path, sessionCookie, form);
    }

    /** Someone who has not signed in (a new browser). */
    Visitor visitor() {
        return webApp().visitor();
    }

    /** A signed-in customer: a session in Redis holding the sign-in and the tokens, as after the code flow. */
    Visitor customer(UUID userId, String name) {
        return webApp().signedIn(userId, name, "CUSTOMER");
    }

    Visitor customer() {
        return customer(Samples.CUSTOMER_ID, "Carl Customer");
    }

    Visitor admin() {
        return webApp().signedIn(UUID.randomUUID(), "Ada Admin", "ADMIN");
    }

    /** The access token a user's calls carry. */
    static String accessToken(UUID userId) {
        return WebAppSessions.accessToken(userId);
    }
}
