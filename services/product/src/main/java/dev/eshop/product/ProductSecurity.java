package dev.eshop.product;

import dev.eshop.platform.web.security.Roles;
import dev.eshop.platform.web.security.SecurityRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Reads are public; lookup is for services with {@code products.read} and admins; every other write is
 * ADMIN (spec/services.md §2.4). Decided here, in the filter chain, before the request body is read,
 * validated or (multipart) parsed, so a caller without the right role gets 403 rather than a
 * validation answer; the {@code @PreAuthorize} on each method says the same again.
 */
@Configuration(proxyBeanMethods = false)
class ProductSecurity {

    private static final String[] CATALOGUE = {"/v1/products", "/v1/products/**", "/v1/categories", "/v1/categories/**"};

    @Bean
    SecurityRules catalogueRules() {
        return rules -> rules
                .requestMatchers(HttpMethod.GET, "/v1/products", "/v1/products/**", "/v1/categories", "/v1/categories/**",
                        "/v1/images/**").permitAll()
                .requestMatchers(HttpMethod.POST, "/v1/products/lookup").hasAnyAuthority("SCOPE_products.read", "ROLE_" + Roles.ADMIN)
                .requestMatchers(HttpMethod.POST, CATALOGUE).hasRole(Roles.ADMIN)
                .requestMatchers(HttpMethod.PUT, CATALOGUE).hasRole(Roles.ADMIN)
                .requestMatchers(HttpMethod.PATCH, CATALOGUE).hasRole(Roles.ADMIN)
                .requestMatchers(HttpMethod.DELETE, CATALOGUE).hasRole(Roles.ADMIN);
    }
}
