package dev.eshop.payment;

import dev.eshop.platform.web.security.Roles;
import dev.eshop.platform.web.security.SecurityRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may call what (spec/services.md §5.3): customers upload, admins review, any signed-in user lists
 * and reads (ownership is checked per payment: a customer sees only their own, an admin all). Decided in
 * the filter chain, before a multipart body is parsed, so a caller without the role gets 401/403 rather
 * than a validation or size answer. A service token (no roles) is refused everywhere.
 */
@Configuration(proxyBeanMethods = false)
class AccessRules {

    @Bean
    SecurityRules paymentRules() {
        return rules -> rules
                .requestMatchers(HttpMethod.POST, "/v1/payments").hasRole(Roles.CUSTOMER)
                .requestMatchers(HttpMethod.POST, "/v1/payments/*/review").hasRole(Roles.ADMIN)
                .requestMatchers(HttpMethod.GET, "/v1/payments", "/v1/payments/*", "/v1/payments/*/image")
                .hasAnyRole(Roles.CUSTOMER, Roles.ADMIN);
    }
}
