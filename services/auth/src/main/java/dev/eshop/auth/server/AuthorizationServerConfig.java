package dev.eshop.auth.server;

import dev.eshop.auth.AuthSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.util.Set;

/**
 * Spring Authorization Server: the standard OAuth 2.1 / OpenID Connect endpoints (spec/services.md
 * §1.3) with clients, authorizations and consents in PostgreSQL, so any replica continues what
 * another began. A browser that must sign in first is sent to the sign-in page (or to sign-up for
 * {@code prompt=create}); the pages' chain does the signing in, in the same session.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfig {

    @Bean
    RegisteredClientRepository registeredClientRepository(JdbcOperations jdbc) {
        return new JdbcRegisteredClientRepository(jdbc);
    }

    @Bean
    OAuth2AuthorizationService authorizationService(JdbcOperations jdbc, RegisteredClientRepository clients) {
        return new JdbcOAuth2AuthorizationService(jdbc, clients);
    }

    @Bean
    OAuth2AuthorizationConsentService authorizationConsentService(JdbcOperations jdbc, RegisteredClientRepository clients) {
        return new JdbcOAuth2AuthorizationConsentService(jdbc, clients);
    }

    /** The issuer is configured, never taken from the request, so every replica issues the same {@code iss}. */
    @Bean
    AuthorizationServerSettings authorizationServerSettings(AuthSettings settings) {
        return AuthorizationServerSettings.builder().issuer(settings.issuer()).build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(HttpSecurity http, TokenClaims claims, RegisteredClientRepository clients,
                                            SecurityContextRepository contexts, RequestCache requestCache,
                                            AuthSettings settings) throws Exception {
        http.oauth2AuthorizationServer(server -> {
            http.securityMatcher(server.getEndpointsMatcher());
            server.tokenEndpoint(token -> token.accessTokenRequestConverter(new RegisteredScopesByDefault()));
            server.oidc(oidc -> oidc
                    .userInfoEndpoint(userInfo -> userInfo.userInfoMapper(claims::userInfo))
                    .logoutEndpoint(logout -> logout.logoutResponseHandler(
                            new LogoutRedirect(clients, settings.clients().storefront().baseUrl() + "/"))));
        });
        return http
                .authorizeHttpRequests(authorize -> authorize.anyRequest().authenticated())
                // Bearer access tokens for /userinfo.
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()))
                .securityContext(context -> context.securityContextRepository(contexts))
                .requestCache(cache -> cache.requestCache(requestCache))
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(new SignInEntryPoint(), browsers()))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; frame-ancestors 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }

    /** The authorization endpoint is only ever opened by browsers, whatever they accept; other HTML requests too. */
    private static RequestMatcher browsers() {
        MediaTypeRequestMatcher html = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
        html.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        return new OrRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/oauth2/authorize"), html);
    }
}
