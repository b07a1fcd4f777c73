package dev.eshop.platform.web;

import dev.eshop.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.client.RestTestClient.BodyContentSpec;
import org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The resource server: tokens checked against the issuer's keys, roles, scopes, ownership, URL and method rules. */
class SecurityTest extends WebTestSupport {

    private static final UUID ALICE = UUID.fromString("01936b2a-0000-7000-8000-0000000000a1");
    private static final UUID BOB = UUID.fromString("01936b2a-0000-7000-8000-0000000000b0");

    @Test
    void noTokenIsUnauthenticated() {
        ResponseSpec response = client.get().uri("/v1/test/cart").exchange();
        response.expectHeader().value("WWW-Authenticate", header -> assertThat(header).startsWith("Bearer"));
        assertDetail(assertProblem(response, 401, "unauthenticated", "Unauthenticated", "/v1/test/cart"), "needs an access token");
    }

    @Test
    void expiredTokenIsUnauthenticated() {
        assertRejected(TestTokens.token().expired().mint(), "expired");
    }

    @Test
    void tokenSignedWithAnotherKeyIsUnauthenticated() {
        assertRejected(TestTokens.token().signedWithForeignKey().mint(), "rejected");
    }

    @Test
    void tokenOfAnotherIssuerIsUnauthenticated() {
        assertRejected(TestTokens.token().issuer("http://elsewhere").mint(), "iss");
    }

    @Test
    void tokenForAnotherAudienceIsUnauthenticated() {
        assertRejected(TestTokens.token().audience("other").mint(), "aud");
    }

    @Test
    void garbageTokenIsUnauthenticated() {
        assertRejected("not.a.jwt", "rejected");
    }

    @Test
    void customerMayNotUseAnAdminUrl() {
        ResponseSpec response = client.get().uri("/v1/test/admin/report")
                .header("Authorization", bearer(TestTokens.customer(ALICE))).exchange();
        assertDetail(assertProblem(response, 403, "forbidden", "Forbidden", "/v1/test/admin/report"), "may not");
    }

    @Test
    void customerMayNotCallAnAdminMethod() {
        ResponseSpec response = client.delete().uri("/v1/test/products/" + ALICE)
                .header("Authorization", bearer(TestTokens.customer(ALICE))).exchange();
        assertDetail(assertProblem(response, 403, "forbidden", "Forbidden", "/v1/test/products/" + ALICE), "may not");
    }

    @Test
    void adminMayUseAdminUrlsAndMethods() {
        client.get().uri("/v1/test/admin/report").header("Authorization", bearer(TestTokens.admin())).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.report").isEqualTo("ok");
        client.delete().uri("/v1/test/products/" + ALICE).header("Authorization", bearer(TestTokens.admin())).exchange()
                .expectStatus().isNoContent();
    }

    @Test
    void roleValuesMatchCaseInsensitivelyAndMayBeAString() {
        client.get().uri("/v1/test/admin/report").header("Authorization", bearer(TestTokens.token().roleString("admin").mint()))
                .exchange().expectStatus().isOk();
    }

    @Test
    void customerEndpointSeesTheCallersId() {
        client.get().uri("/v1/test/cart").header("Authorization", bearer(TestTokens.customer(ALICE))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.user_id").isEqualTo(ALICE.toString());
        assertProblem(client.get().uri("/v1/test/cart").header("Authorization", bearer(TestTokens.admin())).exchange(),
                403, "forbidden", "Forbidden", "/v1/test/cart");
    }

    @Test
    void ownerAndAdminsMaySeeAResourceOthersMayNot() {
        String path = "/v1/test/users/" + ALICE + "/orders";
        client.get().uri(path).header("Authorization", bearer(TestTokens.customer(ALICE))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.user_id").isEqualTo(ALICE.toString());
        client.get().uri(path).header("Authorization", bearer(TestTokens.admin())).exchange()
                .expectStatus().isOk();
        ResponseSpec other = client.get().uri(path).header("Authorization", bearer(TestTokens.customer(BOB))).exchange();
        assertDetail(assertProblem(other, 403, "forbidden", "Forbidden", path), "another user");
    }

    @Test
    void serviceTokenScopesBecomeAuthorities() {
        client.post().uri("/v1/test/stock/reservations").header("Authorization", bearer(TestTokens.service("stock.reserve")))
                .exchange().expectStatus().isOk();
        assertProblem(client.post().uri("/v1/test/stock/reservations")
                .header("Authorization", bearer(TestTokens.service("products.read"))).exchange(),
                403, "forbidden", "Forbidden", "/v1/test/stock/reservations");
        client.get().uri("/v1/test/me").header("Authorization", bearer(TestTokens.service("stock.reserve", "orders.create")))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.subject").isEqualTo("eshop-test-service")
                .jsonPath("$.authorities").value(java.util.List.class, authorities -> assertThat(authorities)
                        .contains("SCOPE_orders.create", "SCOPE_stock.reserve")
                        .noneMatch(authority -> authority.toString().startsWith("ROLE_")));
    }

    @Test
    void serviceRulesMakeTheirPathsPublic() {
        client.get().uri("/v1/test/public/ping").exchange().expectStatus().isOk().expectBody().jsonPath("$.pong").isEqualTo("yes");
    }

    @Test
    void methodSecurityOnAPublicPathAsksAnonymousCallersToAuthenticate() {
        ResponseSpec response = client.get().uri("/v1/test/public/admin-only").exchange();
        response.expectHeader().valueEquals("WWW-Authenticate", "Bearer");
        assertProblem(response, 401, "unauthenticated", "Unauthenticated", "/v1/test/public/admin-only");
        assertProblem(client.get().uri("/v1/test/public/admin-only").header("Authorization", bearer(TestTokens.customer(ALICE)))
                .exchange(), 403, "forbidden", "Forbidden", "/v1/test/public/admin-only");
    }

    @Test
    void opsEndpointsAreForAdminsOnly() {
        assertProblem(client.get().uri("/v1/ops/ping").exchange(), 401, "unauthenticated", "Unauthenticated", "/v1/ops/ping");
        assertProblem(client.get().uri("/v1/ops/ping").header("Authorization", bearer(TestTokens.customer(ALICE))).exchange(),
                403, "forbidden", "Forbidden", "/v1/ops/ping");
        client.get().uri("/v1/ops/ping").header("Authorization", bearer(TestTokens.admin())).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.ops").isEqualTo("ok");
    }

    @Test
    void unknownPathWithoutTokenIsUnauthenticatedRatherThanRevealed() {
        assertProblem(client.get().uri("/v1/no-such-thing").exchange(), 401, "unauthenticated", "Unauthenticated",
                "/v1/no-such-thing");
    }

    private void assertRejected(String token, String reason) {
        ResponseSpec response = client.get().uri("/v1/test/cart").header("Authorization", bearer(token)).exchange();
        response.expectHeader().value("WWW-Authenticate", header -> assertThat(header).startsWith("Bearer").contains("invalid_token"));
        BodyContentSpec problem = assertProblem(response, 401, "unauthenticated", "Unauthenticated", "/v1/test/cart");
        assertDetail(problem, "The access token was rejected", reason);
    }
}
