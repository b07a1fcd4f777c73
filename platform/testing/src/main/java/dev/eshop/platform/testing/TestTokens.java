package dev.eshop.platform.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Signed JWTs for tests, accepted by every service whose test context points at {@link TestIssuer}
 * (done automatically for Spring tests). Shortcuts for the usual callers, and {@link #token()} for anything else.
 *
 * <pre>
 * String admin = TestTokens.admin();
 * String alice = TestTokens.customer(aliceId);
 * String order = TestTokens.service("stock.reserve");
 * String cognito = TestTokens.token().rolesClaim("cognito:groups").roles("ADMIN").mint();
 * </pre>
 */
public final class TestTokens {

    public static final String AUDIENCE = "eshop";

    private TestTokens() {
    }

    public static String admin() {
        return token().roles("ADMIN").mint();
    }

    public static String admin(UUID userId) {
        return token().subject(userId.toString()).roles("ADMIN").mint();
    }

    public static String customer(UUID userId) {
        return token().subject(userId.toString()).roles("CUSTOMER").mint();
    }

    /** A client-credentials token of another service, carrying the given scopes and no roles. */
    public static String service(String... scopes) {
        return token().subject("eshop-test-service").roles().scopes(scopes).mint();
    }

    public static Builder token() {
        return new Builder();
    }

    public static final class Builder {

        private String subject = UUID.randomUUID().toString();
        private String issuer;
        private List<String> audience = List.of(AUDIENCE);
        private String rolesClaim = "roles";
        private Object roles = List.of("CUSTOMER");
        private List<String> scopes = List.of();
        private Instant expiresAt = Instant.now().plus(Duration.ofHours(1));
        private boolean foreignKey;
        private final Map<String, Object> claims = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder subject(String subject) {
            this.subject = subject;
            return this;
        }

        public Builder issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        public Builder audience(String... audience) {
            this.audience = List.of(audience);
            return this;
        }

        /** The claim the roles go into ({@code roles} unless changed, e.g. {@code cognito:groups}). */
        public Builder rolesClaim(String claim) {
            this.rolesClaim = claim;
            return this;
        }

        public Builder roles(String... roles) {
            this.roles = List.of(roles);
            return this;
        }

        /** Roles as a single string, the way {@code custom:role} carries them. */
        public Builder roleString(String role) {
            this.roles = role;
            return this;
        }

        public Builder scopes(String... scopes) {
            this.scopes = List.of(scopes);
            return this;
        }

        public Builder expiresAt(Instant expiresAt) {
            this.expiresAt = expiresAt;
            return this;
        }

        public Builder expired() {
            return expiresAt(Instant.now().minus(Duration.ofHours(1)));
        }

        /** Signs with a key the issuer never published, as a forged token would be. */
        public Builder signedWithForeignKey() {
            this.foreignKey = true;
            return this;
        }

        public Builder claim(String name, Object value) {
            claims.put(name, value);
            return this;
        }

        public String mint() {
            // Issued before it expires, also for an expired token, so only the expiry is wrong with it.
            Instant issued = Instant.now().minusSeconds(5);
            if (!issued.isBefore(expiresAt)) {
                issued = expiresAt.minus(Duration.ofHours(1));
            }
            JWTClaimsSet.Builder set = new JWTClaimsSet.Builder()
                    .subject(subject)
                    .issuer(issuer != null ? issuer : TestIssuer.get().uri())
                    .audience(new ArrayList<>(audience))
                    .issueTime(Date.from(issued))
                    .notBeforeTime(Date.from(issued))
                    .expirationTime(Date.from(expiresAt))
                    .jwtID(UUID.randomUUID().toString());
            if (!(roles instanceof List<?> list && list.isEmpty())) {
                set.claim(rolesClaim, roles);
            }
            if (!scopes.isEmpty()) {
                set.claim("scope", String.join(" ", scopes));
            }
            claims.forEach(set::claim);
            try {
                RSAKey key = foreignKey ? new RSAKeyGenerator(2048).keyID("eshop-test").generate() : TestIssuer.get().signingKey();
                SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), set.build());
                jwt.sign(new RSASSASigner(key));
                return jwt.serialize();
            }
            catch (JOSEException e) {
                throw new IllegalStateException("could not sign a test token", e);
            }
        }
    }
}
