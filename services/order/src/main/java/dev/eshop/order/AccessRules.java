package dev.eshop.order;

import dev.eshop.platform.web.security.Roles;
import dev.eshop.platform.web.security.SecurityRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may call what (spec/services.md §4.3): customers quote, list their own orders, cancel and
 * confirm delivery (ownership is checked in code once the order is loaded); the cart service creates
 * orders with its client-credentials scope {@code orders.create}; admins list every order and ship.
 * Reading one order is for its owner or an admin (in code, {@code CurrentUser.checkOwner}).
 */
@Configuration(proxyBeanMethods = false)
class AccessRules {

    static final String CREATE_SCOPE = "SCOPE_orders.create";

    @Bean
    SecurityRules orderRules() {
        return rules -> rules
                .requestMatchers(HttpMethod.POST, "/v1/orders/quote").hasRole(Roles.CUSTOMER)
                .requestMatchers(HttpMethod.POST, "/v1/orders").hasAuthority(CREATE_SCOPE)
                .requestMatchers(HttpMethod.GET, "/v1/orders/me").hasRole(Roles.CUSTOMER)
                .requestMatchers(HttpMethod.GET, "/v1/orders").hasRole(Roles.ADMIN)
                .requestMatchers(HttpMethod.GET, "/v1/orders/*").hasAnyRole(Roles.CUSTOMER, Roles.ADMIN)
                .requestMatchers(HttpMethod.POST, "/v1/orders/*/cancel", "/v1/orders/*/confirm-delivery").hasRole(Roles.CUSTOMER)
                .requestMatchers(HttpMethod.PATCH, "/v1/orders/*/status").hasRole(Roles.ADMIN);
    }
}
