package dev.eshop.cart;

import dev.eshop.platform.web.security.Roles;
import dev.eshop.platform.web.security.SecurityRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who may call what (spec/services.md §3.4): every cart endpoint is a customer's own cart, so CUSTOMER
 * only; the cart is always the caller's ({@code sub}), which is how ownership is enforced. Admins and
 * other services have no business here (the DLT replay under {@code /v1/ops} is the platform's, ADMIN).
 */
@Configuration(proxyBeanMethods = false)
class AccessRules {

    @Bean
    SecurityRules cartRules() {
        return rules -> rules.requestMatchers("/v1/carts", "/v1/carts/**").hasRole(Roles.CUSTOMER);
    }
}
