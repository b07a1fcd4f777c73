package dev.eshop.platform.webapp.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A web app's own URL rules, applied after the fixed ones (static files, probes, sign-in and error
 * pages are open to everyone) and before the last one (everything else needs a signed-in user).
 * Declare one or more as beans; they are applied in {@code @Order}.
 *
 * <pre>
 * &#64;Bean
 * PageRules customerPages() {
 *     return rules -&gt; rules
 *             .requestMatchers("/cart/**", "/orders/**").hasRole("CUSTOMER")
 *             .requestMatchers("/**").permitAll();
 * }
 * </pre>
 */
@FunctionalInterface
public interface PageRules {

    void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules);
}
