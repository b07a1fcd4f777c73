package dev.eshop.auth.signingkey;

import com.nimbusds.jose.jwk.JWK;
import dev.eshop.auth.AuthSettings;
import dev.eshop.platform.web.security.EshopSecurityProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import java.util.ArrayList;
import java.util.List;

/**
 * Signing and verifying with the stored keys. auth verifies the tokens it issued (for {@code /v1/**}
 * and {@code /userinfo}) straight from its key source rather than through its own JWKS URL, and with
 * the same checks as every other service: issuer, expiry, audience. (The platform's decoder, which
 * reads an issuer's discovery document, backs off because this one exists.)
 */
@Configuration(proxyBeanMethods = false)
class TokenCodecs {

    @Bean
    JwtEncoder jwtEncoder(SigningKeys keys) {
        NimbusJwtEncoder encoder = new NimbusJwtEncoder(keys);
        // Retired keys are published without their private part; only the active key can sign.
        encoder.setJwkSelector(jwks -> jwks.stream().filter(JWK::isPrivate).findFirst()
                .orElseThrow(() -> new IllegalStateException("no private signing key")));
        return encoder;
    }

    @Bean
    JwtDecoder jwtDecoder(SigningKeys keys, AuthSettings settings, EshopSecurityProperties security) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys).jwsAlgorithm(SignatureAlgorithm.RS256).build();
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(JwtValidators.createDefaultWithIssuer(settings.issuer()));
        if (!security.audience().isBlank()) {
            validators.add(new JwtAudienceValidator(security.audience()));
        }
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
        return decoder;
    }
}
