package dev.eshop.auth;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.eshop.platform.local.CodeFlowLogin;
import dev.eshop.platform.local.CodeFlowLogin.OidcTokens;
import dev.eshop.platform.testing.Ports;
import dev.eshop.platform.testing.TestHttp;
import dev.eshop.platform.testing.WithPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The auth service on a port of its own (the issuer URL must be known before it starts, because
 * it is in every token), with a PostgreSQL database of its own per test class, a clock the tests
 * can move, and helpers that sign users in through the real authorization-code flow.
 */
@SpringBootTest(classes = AuthApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@WithPostgres
@Import(AuthTestSupport.MovableClock.class)
abstract class AuthTestSupport {

    static final String PROBLEMS = "https://eshop.example/problems/";

    static final String STOREFRONT = "http://127.0.0.1:8080";
    static final String ADMIN_APP = "http://127.0.0.1:8081";
    static final String STOREFRONT_SECRET = "storefront-test-secret";
    static final String ADMIN_SECRET = "admin-test-secret";
    static final String CART_SECRET = "cart-test-secret";
    static final String ORDER_SECRET = "order-test-secret";

    /** The bootstrap admin of src/test/resources/application.properties (its e-mail is stored lower-case). */
    static final String ADMIN_EMAIL = "ada.admin@eshop.test";
    static final String ADMIN_PASSWORD = "bootstrap-admin-password";

    static final String PASSWORD = "a long enough password";

    private static final AtomicInteger USERS = new AtomicInteger();

    /** A free port per test class: each context is started once, with its own issuer URL. */
    @DynamicPropertySource
    static void serverPort(DynamicPropertyRegistry registry) {
        int port = Ports.free();
        registry.add("server.port", () -> port);
        registry.add("eshop.auth.issuer", () -> "http://127.0.0.1:" + port);
    }

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected TestClock clock;

    @Autowired
    AuthSettings settings;

    protected RestTestClient client;

    @BeforeEach
    void connect() {
        client = TestHttp.client(port());
    }

    protected int port() {
        return Integer.parseInt(settings.issuer().substring(settings.issuer().lastIndexOf(':') + 1));
    }

    protected String issuer() {
        return settings.issuer();
    }

    protected CodeFlowLogin storefront() {
        return CodeFlowLogin.at(issuer()).client("storefront", STOREFRONT_SECRET, STOREFRONT + "/login/oauth2/code/eshop");
    }

    protected CodeFlowLogin adminApp() {
        return CodeFlowLogin.at(issuer()).client("admin", ADMIN_SECRET, ADMIN_APP + "/login/oauth2/code/eshop");
    }

    /** A unique address for a new user of this test run. */
    protected static String newEmail(String name) {
        return name.toLowerCase().replace(' ', '.') + "." + USERS.incrementAndGet() + "." + UUID.randomUUID().toString().substring(0, 8)
                + "@example.com";
    }

    /** A new customer, signed up through the registration page and signed in with the storefront client. */
    protected Customer newCustomer(String name) {
        String email = newEmail(name);
        OidcTokens tokens = storefront().register(name, email, PASSWORD);
        return new Customer(UUID.fromString(subject(tokens.accessToken())), email, tokens);
    }

    protected record Customer(UUID id, String email, OidcTokens tokens) {

        String bearer() {
            return "Bearer " + tokens.accessToken();
        }
    }

    protected OidcTokens signInAdmin() {
        return adminApp().login(ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    protected static String bearer(String token) {
        return "Bearer " + token;
    }

    protected static JWTClaimsSet claims(String jwt) {
        try {
            return SignedJWT.parse(jwt).getJWTClaimsSet();
        }
        catch (ParseException e) {
            throw new IllegalStateException("not a JWT: " + jwt, e);
        }
    }

    protected static String kid(String jwt) {
        try {
            return SignedJWT.parse(jwt).getHeader().getKeyID();
        }
        catch (ParseException e) {
            throw new IllegalStateException("not a JWT: " + jwt, e);
        }
    }

    protected static String subject(String jwt) {
        return claims(jwt).getSubject();
    }

    protected ResponseSpec get(String authorization, String path) {
        return client.get().uri(path).header("Authorization", authorization).exchange();
    }

    protected ResponseSpec post(String authorization, String path, Object body) {
        var request = client.post().uri(path).contentType(MediaType.APPLICATION_JSON);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request.body(body).exchange();
    }

    protected ResponseSpec patch(String authorization, String path, Object body) {
        return client.patch().uri(path).header("Authorization", authorization).contentType(MediaType.APPLICATION_JSON)
                .body(body).exchange();
    }

    protected Map<String, Object> user(UUID id) {
        return jdbc.sql("SELECT * FROM users WHERE id = ?").param(id).query().singleRow();
    }

    /** A clock the tests move forward instead of waiting. */
    static final class TestClock extends Clock {

        private volatile Duration offset = Duration.ZERO;

        void advance(Duration duration) {
            offset = offset.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class MovableClock {

        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }
    }
}
