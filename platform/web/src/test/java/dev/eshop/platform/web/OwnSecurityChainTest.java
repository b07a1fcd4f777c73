package dev.eshop.platform.web;

import dev.eshop.platform.testing.TestTokens;
import dev.eshop.platform.web.security.PlatformSecurity;
import dev.eshop.platform.web.testapp.TestApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * A service with its own {@link SecurityFilterChain}: the platform's backs off, and the service
 * keeps the platform's behaviour by starting from {@link PlatformSecurity}.
 */
@SpringBootTest(classes = {TestApplication.class, OwnSecurityChainTest.OwnChain.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OwnSecurityChainTest extends WebTestSupport {

    @TestConfiguration(proxyBeanMethods = false)
    static class OwnChain {

        @Bean
        SecurityFilterChain ownChain(HttpSecurity http, PlatformSecurity platform) throws Exception {
            return platform.apply(http, rules -> rules.requestMatchers("/v1/test/admin/report").permitAll())
                    .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
                    .build();
        }
    }

    @Test
    void theServicesChainIsTheOneInForce() {
        client.get().uri("/v1/test/admin/report").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Frame-Options", "SAMEORIGIN");
    }

    @Test
    void thePlatformsRulesAndProblemsStillApply() {
        client.get().uri("/v1/test/cart").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://eshop.example/problems/unauthenticated");
        client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        client.get().uri("/v1/ops/ping").header("Authorization", "Bearer " + TestTokens.customer(java.util.UUID.randomUUID()))
                .exchange().expectStatus().isForbidden();
    }
}
