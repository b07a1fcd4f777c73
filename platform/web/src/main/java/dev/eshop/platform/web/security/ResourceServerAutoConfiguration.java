package dev.eshop.platform.web.security;

import dev.eshop.platform.web.problem.ProblemAutoConfiguration;
import dev.eshop.platform.web.problem.ProblemResponses;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.client.RestTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes a service an OAuth2 resource server of the Eshop issuer: JWTs verified with the issuer's
 * published keys (found through its discovery document on the first request, so the issuer may
 * start later), checked for issuer, expiry and audience; roles from the configured claim; method
 * security on. Each bean backs off when the service defines its own.
 */
@AutoConfiguration(after = ProblemAutoConfiguration.class, before = {SecurityAutoConfiguration.class,
        ServletWebSecurityAutoConfiguration.class, ManagementWebSecurityAutoConfiguration.class,
        OAuth2ResourceServerAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(EshopSecurityProperties.class)
@EnableWebSecurity
@EnableMethodSecurity
public class ResourceServerAutoConfiguration {

    private static final Duration ISSUER_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration ISSUER_READ_TIMEOUT = Duration.ofSeconds(5);

    @Bean
    @ConditionalOnMissingBean
    JwtDecoder jwtDecoder(EshopSecurityProperties properties) {
        // SupplierJwtDecoder builds the real decoder on first use, and tries again if the issuer was down.
        return new SupplierJwtDecoder(() -> issuerDecoder(properties));
    }

    @Bean
    @ConditionalOnMissingBean
    JwtAuthenticationConverter jwtAuthenticationConverter(EshopSecurityProperties properties) {
        return JwtAuthorities.authenticationConverter(properties.rolesClaim());
    }

    @Bean
    @ConditionalOnMissingBean
    ProblemSecurityHandler problemSecurityHandler(ProblemResponses problems) {
        return new ProblemSecurityHandler(problems);
    }

    @Bean
    @ConditionalOnMissingBean
    PlatformSecurity platformSecurity(JwtDecoder jwtDecoder, JwtAuthenticationConverter jwtAuthenticationConverter,
            ProblemSecurityHandler problemSecurityHandler) {
        return new PlatformSecurity(jwtDecoder, jwtAuthenticationConverter, problemSecurityHandler);
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain eshopSecurityFilterChain(HttpSecurity http, PlatformSecurity platformSecurity,
            ObjectProvider<SecurityRules> rules) throws Exception {
        return platformSecurity.apply(http, rules.orderedStream().toList()).build();
    }

    private static JwtDecoder issuerDecoder(EshopSecurityProperties properties) {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(ISSUER_CONNECT_TIMEOUT);
        requests.setReadTimeout(ISSUER_READ_TIMEOUT);
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(properties.issuerUri())
                .restOperations(new RestTemplate(requests))
                .build();
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(JwtValidators.createDefaultWithIssuer(properties.issuerUri()));
        if (!properties.audience().isBlank()) {
            validators.add(new JwtAudienceValidator(properties.audience()));
        }
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
        return decoder;
    }
}
