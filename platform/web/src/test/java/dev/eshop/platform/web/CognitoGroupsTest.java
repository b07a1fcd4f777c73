package dev.eshop.platform.web;

import dev.eshop.platform.testing.TestTokens;
import dev.eshop.platform.web.testapp.TestApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/** A Cognito-style setup: roles in the {@code cognito:groups} array, and no audience check (empty). */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"eshop.security.roles-claim=cognito:groups", "eshop.security.audience="})
class CognitoGroupsTest extends WebTestSupport {

    @Test
    void rolesComeFromTheConfiguredArrayClaim() {
        String admin = TestTokens.token().rolesClaim("cognito:groups").roles("Admin").mint();
        client.get().uri("/v1/test/admin/report").header("Authorization", "Bearer " + admin).exchange()
                .expectStatus().isOk();
        client.get().uri("/v1/test/me").header("Authorization", "Bearer " + admin).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.authorities").value(java.util.List.class,
                        authorities -> assertThat(authorities).contains("ROLE_ADMIN").doesNotContain("ROLE_CUSTOMER"));
    }

    @Test
    void theDefaultRolesClaimIsNotReadAnyMore() {
        client.get().uri("/v1/test/admin/report").header("Authorization", "Bearer " + TestTokens.admin()).exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void anEmptyAudienceIsNotChecked() {
        String token = TestTokens.token().rolesClaim("cognito:groups").roles("CUSTOMER").audience("some-app-client").mint();
        client.get().uri("/v1/test/cart").header("Authorization", "Bearer " + token).exchange()
                .expectStatus().isOk();
    }
}
