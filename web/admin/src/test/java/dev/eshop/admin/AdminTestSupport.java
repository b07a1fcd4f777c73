package dev.eshop.admin;

import dev.eshop.platform.testing.RedisEngine;
import dev.eshop.platform.testing.web.FakeServices;
import dev.eshop.platform.testing.web.Visitor;
import dev.eshop.platform.testing.web.WebAppSessions;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
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
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

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

    /**
     * The second page of a list of 45 (the service answered one row): asked for as page 1, since the
     * services count from 0, and the pager marks page 2 between the first and the last.
     */
    static void assertSecondPageOf45(Document page, FakeServices.Request asked, String firstPage) {
        assertThat(asked.param("page")).isEqualTo("1");
        assertThat(page.selectFirst(".paging .range").text()).isEqualTo("21–21 of 45");
        assertThat(page.select(".paging a").eachText()).containsExactly("Previous", "1", "2", "3", "Next");
        assertThat(page.selectFirst(".paging a[aria-current=page]").text()).isEqualTo("2");
        assertThat(page.selectFirst(".paging a[rel=prev]").attr("href")).isEqualTo(firstPage);
    }

    /**
     * Follows a link as a browser does. MockMvc encodes the URL it is given once more, so the link's
     * query values go in decoded, as variables it encodes itself.
     */
    static Visitor.Page follow(Visitor visitor, String href) {
        UriComponents link = UriComponentsBuilder.fromUriString(href).build();
        StringBuilder template = new StringBuilder(link.getPath());
        List<String> values = new ArrayList<>();
        link.getQueryParams().forEach((name, encoded) -> encoded.forEach(value -> {
            template.append(values.isEmpty() ? '?' : '&').append(name).append("={value").append(values.size()).append('}');
            values.add(URLDecoder.decode(value, StandardCharsets.UTF_8));
        }));
        return visitor.get(template.toString(), values.toArray());
    }

    /**
     * The page a redirect leads to, asked for over real HTTP with its query exactly as given, as a
     * browser does: its flash message is kept for that query as written.
     */
    Document landing(Visitor visitor, Visitor.Page redirect) {
        return Jsoup.parse(overHttp("GET", redirect.redirect(), visitor.session(), null).body());
    }

    /** The access token a user's calls carry. */
    static String accessToken(UUID userId) {
        return WebAppSessions.accessToken(userId);
    }
}
