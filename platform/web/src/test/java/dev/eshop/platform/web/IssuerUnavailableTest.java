package dev.eshop.platform.web;

import dev.eshop.platform.testing.TestTokens;
import dev.eshop.platform.web.testapp.TestApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;

/**
 * The issuer is not reachable: the service still starts (keys are fetched on first use), public
 * endpoints work, and a request with a token gets 503 instead of a misleading 401 or a 500.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "eshop.security.issuer-uri=http://127.0.0.1:9")
class IssuerUnavailableTest extends WebTestSupport {

    @Test
    void publicEndpointsWorkWithoutTheIssuer() {
        client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
    }

    @Test
    void aTokenThatCannotBeCheckedIsDependencyUnavailable() {
        client.get().uri("/v1/test/cart").header("Authorization", "Bearer " + TestTokens.customer(java.util.UUID.randomUUID()))
                .header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("Retry-After", "5")
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://eshop.example/problems/dependency-unavailable")
                .jsonPath("$.dependency").isEqualTo("issuer")
                .jsonPath("$.instance").isEqualTo("/v1/test/cart")
                // Written on the container's error dispatch, after the request's span has ended.
                .jsonPath("$.trace_id").isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    }
}
