package dev.eshop.admin;

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
import java.util.LinkedHashMap;
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

    /** Form fields as name/value pairs, in order. */
    static Map<String, String> fields(String... pairs) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put(pairs[i], pairs[i + 1]);
        }
        return fields;
    }

    /** Someone who has not signed in (a new browser). */
    Visitor visitor() {
        return webApp().visitor();
    }

    /** The signed-in admin: a session in Redis holding the sign-in and the tokens, as after the code flow. */
    Visitor admin() {
        return admin(ADMIN_ID, "Ada Admin");
    }

    Visitor admin(UUID id, String name) {
        return webApp().signedIn(id, name, "ADMIN");
    }

    /** A customer who signed in to the admin app. */
    Visitor customer() {
        return webApp().signedIn(CUSTOMER_ID, "Carl Customer", "CUSTOMER");
    }

    /** The access token a user's calls carry. */
    static String accessToken(UUID userId) {
        return WebAppSessions.accessToken(userId);
    }
}
