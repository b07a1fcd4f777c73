package dev.eshop.platform.testing;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class TestTokensTest {

    private static RSAKey publishedKey() throws Exception {
        return JWKSet.load(URI.create(TestIssuer.get().uri() + "/jwks").toURL()).getKeys().getFirst().toRSAKey();
    }

    @Test
    void customerTokenIsSignedWithThePublishedKeyAndCarriesSubjectRolesAndAudience() throws Exception {
        UUID alice = UUID.randomUUID();
        SignedJWT jwt = SignedJWT.parse(TestTokens.customer(alice));

        assertThat(jwt.verify(new RSASSAVerifier(publishedKey()))).isTrue();
        assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo(alice.toString());
        assertThat(jwt.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("CUSTOMER");
        assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly("eshop");
        assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo(TestIssuer.get().uri());
    }

    @Test
    void rolesGoIntoTheChosenClaimAsListOrString() throws Exception {
        SignedJWT groups = SignedJWT.parse(TestTokens.token().rolesClaim("cognito:groups").roles("ADMIN").mint());
        SignedJWT custom = SignedJWT.parse(TestTokens.token().rolesClaim("custom:role").roleString("admin").mint());

        assertThat(groups.getJWTClaimsSet().getStringListClaim("cognito:groups")).isEqualTo(List.of("ADMIN"));
        assertThat(groups.getJWTClaimsSet().getClaim("roles")).isNull();
        assertThat(custom.getJWTClaimsSet().getStringClaim("custom:role")).isEqualTo("admin");
    }

    @Test
    void serviceTokenCarriesScopesAndNoRoles() throws Exception {
        SignedJWT jwt = SignedJWT.parse(TestTokens.service("stock.reserve", "products.read"));

        assertThat(jwt.getJWTClaimsSet().getStringClaim("scope")).isEqualTo("stock.reserve products.read");
        assertThat(jwt.getJWTClaimsSet().getClaim("roles")).isNull();
    }

    @Test
    void forgedAndExpiredTokensAreRecognisable() throws Exception {
        SignedJWT forged = SignedJWT.parse(TestTokens.token().signedWithForeignKey().mint());
        SignedJWT expired = SignedJWT.parse(TestTokens.token().expired().mint());

        assertThat(forged.verify(new RSASSAVerifier(publishedKey()))).isFalse();
        assertThat(expired.getJWTClaimsSet().getExpirationTime()).isInThePast();
        assertThat(expired.getJWTClaimsSet().getIssueTime()).isBefore(expired.getJWTClaimsSet().getExpirationTime());
    }
}
