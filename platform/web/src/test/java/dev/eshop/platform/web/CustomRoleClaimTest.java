package dev.eshop.platform.web;

import dev.eshop.platform.testing.TestTokens;
import dev.eshop.platform.web.testapp.TestApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** Roles from a single-string claim ({@code custom:role}), matched case-insensitively; the audience is still checked. */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "eshop.security.roles-claim=custom:role")
class CustomRoleClaimTest extends WebTestSupport {

    @Test
    void aRoleStringGrantsThatRole() {
        String admin = TestTokens.token().rolesClaim("custom:role").roleString("admin").mint();
        client.get().uri("/v1/test/admin/report").header("Authorization", "Bearer " + admin).exchange()
                .expectStatus().isOk();
    }

    @Test
    void aCustomerRoleStringIsNoAdmin() {
        String customer = TestTokens.token().rolesClaim("custom:role").roleString("customer").mint();
        client.get().uri("/v1/test/admin/report").header("Authorization", "Bearer " + customer).exchange()
                .expectStatus().isForbidden();
        client.get().uri("/v1/test/cart").header("Authorization", "Bearer " + customer).exchange()
                .expectStatus().isOk();
    }

    @Test
    void theAudienceIsStillChecked() {
        String token = TestTokens.token().rolesClaim("custom:role").roleString("customer").audience("other").mint();
        client.get().uri("/v1/test/cart").header("Authorization", "Bearer " + token).exchange()
                .expectStatus().isUnauthorized();
    }
}
