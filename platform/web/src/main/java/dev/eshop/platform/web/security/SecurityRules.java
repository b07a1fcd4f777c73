package dev.eshop.platform.web.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A service's own URL rules, applied by the platform's security filter chain after its fixed rules
 * (operational endpoints public, {@code /v1/ops/**} ADMIN only) and before its final rule (everything
 * else needs a valid token). Declare one or more as beans; they are applied in {@code @Order}.
 *
 * <pre>
 * &#64;Bean
 * SecurityRules catalogueRules() {
 *     return rules -&gt; rules
 *             .requestMatchers(HttpMethod.GET, "/v1/products/**", "/v1/categories/**").permitAll()
 *             .requestMatchers("/v1/admin/**").hasRole(Roles.ADMIN);
 * }
 * </pre>
 */
@FunctionalInterface
public interface SecurityRules {

    void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules);
}
