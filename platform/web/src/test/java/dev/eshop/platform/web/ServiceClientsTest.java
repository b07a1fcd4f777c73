package dev.eshop.platform.web;

import dev.eshop.platform.testing.Ports;
import dev.eshop.platform.testing.TestIssuer;
import dev.eshop.platform.testing.TestTokens;
import dev.eshop.platform.web.client.CalleeProblemException;
import dev.eshop.platform.web.client.ServiceClients;
import dev.eshop.platform.web.problem.DependencyUnavailableException;
import dev.eshop.platform.web.testapp.CalleeController;
import dev.eshop.platform.web.testapp.CalleeController.Attempts;
import dev.eshop.platform.web.testapp.CalleeController.Caller;
import dev.eshop.platform.web.testapp.TestApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A service calling another through {@link ServiceClients} (here: the test service calling itself):
 * a client-credentials token from the issuer, fetched once; retries of safe calls only; 503 for a
 * callee that does not answer; the callee's 4xx problem passed on to the caller's client.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class ServiceClientsTest extends WebTestSupport {

    private static final int PORT = Ports.free();

    @DynamicPropertySource
    static void callees(DynamicPropertyRegistry registry) {
        TestIssuer.get().registerClient("caller-service", "caller-secret", "greetings.read", "stock.reserve");
        registry.add("server.port", () -> PORT);
        registry.add("eshop.clients.oauth.client-id", () -> "caller-service");
        registry.add("eshop.clients.oauth.client-secret", () -> "caller-secret");
        registry.add("eshop.clients.self.base-url", () -> "http://127.0.0.1:" + PORT);
        registry.add("eshop.clients.slowpoke.base-url", () -> "http://127.0.0.1:" + PORT);
        registry.add("eshop.clients.slowpoke.read-timeout", () -> "300ms");
        registry.add("eshop.clients.nobody.base-url", () -> "http://127.0.0.1:" + Ports.free());
    }

    @Autowired
    ServiceClients clients;

    @Test
    void callsCarryTheServiceTokenFetchedOnce() {
        RestClient self = clients.create("self");
        int before = TestIssuer.get().tokenRequests("caller-service");

        Caller first = self.get().uri("/v1/test/callee/whoami").retrieve().body(Caller.class);
        Caller second = self.get().uri("/v1/test/callee/whoami").retrieve().body(Caller.class);

        assertThat(first.caller()).isEqualTo("caller-service");
        assertThat(first.scope().split(" ")).containsExactlyInAnyOrder("greetings.read", "stock.reserve");
        assertThat(second).isEqualTo(first);
        assertThat(TestIssuer.get().tokenRequests("caller-service") - before).isLessThanOrEqualTo(1);
        assertThat(TestIssuer.get().tokenRequests("caller-service")).isPositive();
    }

    @Test
    void aGetIsTriedAgainWhenTheCalleeFails() {
        Attempts answer = clients.create("self").get().uri("/v1/test/callee/flaky/get-twice?failures=2")
                .retrieve().body(Attempts.class);

        assertThat(answer.attempts()).isEqualTo(3);
    }

    @Test
    void aPostMarkedSafeIsTriedAgainAndGivesUpAfterTwoRetries() {
        RestClient self = clients.create("self");

        assertThatThrownBy(() -> self.post().uri("/v1/test/callee/flaky/post-always?failures=100")
                .attribute(ServiceClients.SAFE_TO_RETRY, true)
                .retrieve().toBodilessEntity())
                .isInstanceOfSatisfying(DependencyUnavailableException.class, problem -> {
                    assertThat(problem.status().value()).isEqualTo(503);
                    assertThat(problem.members()).containsEntry("dependency", "self");
                });
        assertThat(CalleeController.ATTEMPTS.get("post-always")).hasValue(3);
    }

    @Test
    void aPostNotMarkedSafeIsSentOnce() {
        RestClient self = clients.create("self");

        assertThatThrownBy(() -> self.post().uri("/v1/test/callee/flaky/post-once?failures=1").retrieve().toBodilessEntity())
                .isInstanceOf(DependencyUnavailableException.class);
        assertThat(CalleeController.ATTEMPTS.get("post-once")).hasValue(1);
    }

    @Test
    void aCalleeThatDoesNotAnswerIsDependencyUnavailable() {
        assertThatThrownBy(() -> clients.create("nobody").get().uri("/v1/test/callee/whoami").retrieve().body(Caller.class))
                .isInstanceOfSatisfying(DependencyUnavailableException.class,
                        problem -> assertThat(problem.members()).containsEntry("dependency", "nobody"));
    }

    @Test
    void aCalleeSlowerThanTheReadTimeoutIsDependencyUnavailable() {
        assertThatThrownBy(() -> clients.create("slowpoke").get().uri("/v1/test/callee/slow").retrieve().body(Attempts.class))
                .isInstanceOf(DependencyUnavailableException.class);
    }

    @Test
    void theCalleesProblemIsPassedOnWithItsStatusDetailAndMembers() {
        assertThatThrownBy(() -> clients.create("self").post().uri("/v1/test/callee/short").retrieve().toBodilessEntity())
                .isInstanceOfSatisfying(CalleeProblemException.class, problem -> {
                    assertThat(problem.callee()).isEqualTo("self");
                    assertThat(problem.slug()).isEqualTo("insufficient-stock");
                    assertThat(problem.detail()).isEqualTo("There is not enough stock for Roadster 300.");
                    assertThat(problem.members()).containsKey("short_products");
                });

        assertProblem(client.get().uri("/v1/test/caller/self/short").header("Authorization", bearer(TestTokens.admin())).exchange(), 409, "insufficient-stock",
                "Insufficient stock", "/v1/test/caller/self/short")
                .jsonPath("$.detail").isEqualTo("There is not enough stock for Roadster 300.")
                .jsonPath("$.short_products[0].name").isEqualTo("Roadster 300")
                .jsonPath("$.short_products[0].available").isEqualTo(1);
    }

    @Test
    void aCallerWhoseCalleeIsDownAnswers503WithRetryAfter() {
        assertProblem(client.get().uri("/v1/test/caller/nobody/short").header("Authorization", bearer(TestTokens.admin())).exchange(), 503, "dependency-unavailable",
                "Dependency unavailable", "/v1/test/caller/nobody/short")
                .jsonPath("$.dependency").isEqualTo("nobody");
    }

    @Test
    void aCalleeRefusingTheServicesTokenIsDependencyUnavailableNotTheClientsFault() {
        assertThatThrownBy(() -> clients.create("self").get().uri("/v1/test/admin/anything").retrieve().toBodilessEntity())
                .isInstanceOfSatisfying(DependencyUnavailableException.class,
                        problem -> assertThat(problem.members()).containsEntry("dependency", "self"));
    }

    @Test
    void aCalleeWithoutSettingsIsAMistakeFoundAtOnce() {
        assertThatThrownBy(() -> clients.create("unknown"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("eshop.clients.unknown.base-url");
    }
}
