package dev.eshop.platform.web;

import dev.eshop.platform.testing.TestHttp;
import dev.eshop.platform.web.testapp.TestApplication;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.RestTestClient.BodyContentSpec;
import org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the tests against the test service over real HTTP. Subclasses that keep this configuration
 * share one application context; those that need other settings declare their own {@code @SpringBootTest}.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class WebTestSupport {

    static final String PROBLEMS = "https://eshop.example/problems/";

    static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    static final String TRACEPARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

    @LocalServerPort
    int port;

    RestTestClient client;

    @BeforeEach
    void createClient() {
        client = TestHttp.client(port);
    }

    static String bearer(String token) {
        return "Bearer " + token;
    }

    /**
     * Asserts what every problem has: status, {@code application/problem+json}, {@code type} from the
     * slug, {@code title}, {@code instance} and a {@code trace_id}. Returns the body for the rest.
     */
    static BodyContentSpec assertProblem(ResponseSpec response, int status, String slug, String title, String instance) {
        return response
                .expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + slug)
                .jsonPath("$.title").isEqualTo(title)
                .jsonPath("$.status").isEqualTo(status)
                .jsonPath("$.instance").isEqualTo(instance)
                .jsonPath("$.trace_id").value(String.class, traceId -> assertThat(traceId).matches("[0-9a-f]{32}"));
    }

    /** Asserts that {@code detail} is a sentence containing each of the given fragments. */
    static void assertDetail(BodyContentSpec body, String... fragments) {
        body.jsonPath("$.detail").value(String.class, detail -> {
            assertThat(detail).endsWith(".");
            for (String fragment : fragments) {
                assertThat(detail).contains(fragment);
            }
        });
    }
}
