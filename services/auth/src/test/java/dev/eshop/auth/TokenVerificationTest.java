package dev.eshop.auth;

import dev.eshop.auth.signingkey.SigningKeys;
import dev.eshop.platform.local.CodeFlowLogin;
import dev.eshop.platform.local.CodeFlowLogin.OidcTokens;
import dev.eshop.platform.testing.Ports;
import dev.eshop.platform.testing.TestHttp;
import dev.eshop.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.test.web.servlet.client.RestTestClient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * auth as a resource server of its own tokens: forged, expired, foreign and misdirected tokens are
 * refused; the signing keys survive a restart (a second instance on the same database accepts the
 * first one's tokens) and a rotation (old tokens verify until the retired key is purged).
 */
class TokenVerificationTest extends AuthTestSupport {

    @Autowired
    JwtEncoder encoder;

    @Autowired
    SigningKeys signingKeys;

    @Autowired
    Environment environment;

    @Test
    void badTokensAreUnauthenticatedAndAWrongRoleIsForbidden() {
        Customer customer = newCustomer("Tess Token");
        String subject = customer.id().toString();
        get(bearer(mint(subject, claims -> { })), "/v1/users/me").expectStatus().isOk();

        Instant now = Instant.now();
        Map<String, String> bad = Map.of(
                "expired", mint(subject, claims -> claims.issuedAt(now.minus(Duration.ofMinutes(20))).expiresAt(now.minus(Duration.ofMinutes(10)))),
                "wrong issuer", mint(subject, claims -> claims.issuer("http://127.0.0.1:1")),
                "wrong audience", mint(subject, claims -> claims.audience(new ArrayList<>(List.of("another-system")))),
                "no audience", mint(subject, claims -> claims.claims(all -> all.remove("aud"))),
                "tampered", tamper(customer.tokens().accessToken()),
                "foreign key", TestTokens.token().issuer(issuer()).subject(subject).signedWithForeignKey().mint(),
                "not a JWT", "not-a-token");
        bad.forEach((why, token) -> get(bearer(token), "/v1/users/me")
                .expectStatus().isUnauthorized()
                .expectHeader().value("WWW-Authenticate", header -> assertThat(header).as(why).startsWith("Bearer"))
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "unauthenticated"));
        client.get().uri("/v1/users/me").exchange().expectStatus().isUnauthorized().expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "unauthenticated");

        get(customer.bearer(), "/v1/users").expectStatus().isForbidden().expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "forbidden")
                .jsonPath("$.status").isEqualTo(403);
        post(customer.bearer(), "/v1/signing-keys/rotate", Map.of()).expectStatus().isForbidden();
    }

    @Test
    void tokensIssuedBeforeARestartStillVerify() {
        Customer customer = newCustomer("Rex Restart");
        String kid = kid(customer.tokens().accessToken());
        int secondPort = Ports.free();
        int admins = admins();

        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(AuthApplication.class).run(
                "--server.port=" + secondPort,
                "--eshop.auth.issuer=" + issuer(),
                "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                "--spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
                "--spring.datasource.password=" + environment.getProperty("spring.datasource.password"))) {
            RestTestClient restarted = TestHttp.client(secondPort);

            restarted.get().uri("/v1/users/me").header("Authorization", customer.bearer()).exchange()
                    .expectStatus().isOk().expectBody().jsonPath("$.id").isEqualTo(customer.id().toString());
            assertThat(jwksKids(restarted)).contains(kid).isEqualTo(jwksKids(client));
            // The second instance signs with the same key, so the first accepts its tokens too.
            OidcTokens fromSecond = CodeFlowLogin.at("http://127.0.0.1:" + secondPort)
                    .client("storefront", STOREFRONT_SECRET, STOREFRONT + "/login/oauth2/code/eshop").login(customer.email(), PASSWORD);
            assertThat(kid(fromSecond.accessToken())).isEqualTo(kid);
            get(bearer(fromSecond.accessToken()), "/v1/users/me").expectStatus().isOk();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM signing_key WHERE active").query(Integer.class).single()).isEqualTo(1);
        // The bootstrap admin is created once, not at every start.
        assertThat(admins()).isEqualTo(admins).isEqualTo(1);
    }

    private int admins() {
        return jdbc.sql("SELECT count(*) FROM users WHERE role = 'ADMIN'").query(Integer.class).single();
    }

    @Test
    void afterARotationOldTokensVerifyUntilTheRetiredKeyIsPurged() {
        OidcTokens admin = signInAdmin();
        Customer customer = newCustomer("Rory Rotation");
        String oldKid = kid(customer.tokens().accessToken());

        Map<?, ?> rotated = post(bearer(admin.accessToken()), "/v1/signing-keys/rotate", Map.of()).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        String newKid = (String) rotated.get("kid");
        assertThat(newKid).isNotEqualTo(oldKid);
        assertThat(Instant.parse((String) rotated.get("created_at"))).isBeforeOrEqualTo(clock.instant());

        get(customer.bearer(), "/v1/users/me").expectStatus().isOk();
        OidcTokens fresh = storefront().login(customer.email(), PASSWORD);
        assertThat(kid(fresh.accessToken())).isEqualTo(newKid);
        assertThat(kid(fresh.idToken())).isEqualTo(newKid);
        get(bearer(fresh.accessToken()), "/v1/users/me").expectStatus().isOk();
        assertThat(jwksKids(client)).containsExactlyInAnyOrder(oldKid, newKid);

        clock.advance(SigningKeys.PUBLISHED_AFTER_RETIREMENT.plusMinutes(1));
        signingKeys.purgeRetired();

        assertThat(jwksKids(client)).containsExactly(newKid);
        get(customer.bearer(), "/v1/users/me").expectStatus().isUnauthorized();
        get(bearer(fresh.accessToken()), "/v1/users/me").expectStatus().isOk();
        assertThat(jdbc.sql("SELECT count(*) FROM signing_key").query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void privateKeysAreStoredEncrypted() {
        Map<String, Object> row = jdbc.sql("SELECT public_jwk, private_key_encrypted FROM signing_key WHERE active").query().singleRow();
        assertThat((String) row.get("public_jwk")).contains("\"kty\":\"RSA\"").doesNotContain("\"d\"");
        // A salt and the AES-GCM ciphertext in Base64: no JSON, and nothing of the JWK once decoded without the secret.
        String stored = (String) row.get("private_key_encrypted");
        assertThat(stored).matches("[0-9a-f]{16}:[A-Za-z0-9+/]+=*");
        String ciphertext = new String(Base64.getDecoder().decode(stored.substring(stored.indexOf(':') + 1)), StandardCharsets.ISO_8859_1);
        assertThat(ciphertext).doesNotContain("\"kty\"", "\"d\"", "\"RSA\"");
    }

    private String mint(String subject, Consumer<JwtClaimsSet.Builder> change) {
        Instant now = Instant.now();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder().issuer(issuer()).subject(subject)
                .audience(new ArrayList<>(List.of("eshop"))).issuedAt(now).expiresAt(now.plus(Duration.ofMinutes(5)))
                .claim("roles", List.of("CUSTOMER"));
        change.accept(claims);
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims.build())).getTokenValue();
    }

    /** The token with one character of its payload changed, the signature left as it was. */
    private static String tamper(String jwt) {
        String[] parts = jwt.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]));
        String changed = payload.replace("\"CUSTOMER\"", "\"CUSTOMEX\"");
        assertThat(changed).isNotEqualTo(payload);
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(changed.getBytes()) + "." + parts[2];
    }

    @SuppressWarnings("unchecked")
    private static List<String> jwksKids(RestTestClient instance) {
        Map<String, Object> jwks = instance.get().uri("/oauth2/jwks").exchange().expectStatus().isOk().expectBody(Map.class)
                .returnResult().getResponseBody();
        return ((List<Map<String, Object>>) jwks.get("keys")).stream().map(key -> (String) key.get("kid")).sorted().toList();
    }
}
