package dev.eshop.product;

import dev.eshop.platform.web.security.SecurityRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Reads are public; every write needs a token, and its method says which role or scope ({@code @PreAuthorize}). */
@Configuration(proxyBeanMethods = false)
class ProductSecurity {

    @Bean
    SecurityRules catalogueRules() {
        return rules -> rules
                .requestMatchers(HttpMethod.GET, "/v1/products", "/v1/products/**", "/v1/categories", "/v1/categories/**",
                        "/v1/images/**").permitAll();
    }
}
