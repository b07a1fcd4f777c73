package dev.eshop.warehouse;

import dev.eshop.platform.web.security.Roles;
import dev.eshop.platform.web.security.SecurityRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Who may call what (spec/services.md §6.5): admins run warehouses and stock, order reserves with its scope. */
@Configuration(proxyBeanMethods = false)
class AccessRules {

    static final String RESERVE_SCOPE = "SCOPE_stock.reserve";

    static final String ADMIN = "ROLE_" + Roles.ADMIN;

    @Bean
    SecurityRules warehouseRules() {
        return rules -> rules
                .requestMatchers(HttpMethod.GET, "/v1/warehouses/nearest").hasAnyAuthority(RESERVE_SCOPE, ADMIN)
                .requestMatchers(HttpMethod.POST, "/v1/stock/plan", "/v1/reservations", "/v1/reservations/*/release")
                .hasAuthority(RESERVE_SCOPE)
                .requestMatchers(HttpMethod.GET, "/v1/reservations/*").hasAnyAuthority(RESERVE_SCOPE, ADMIN)
                .requestMatchers("/v1/warehouses", "/v1/warehouses/**", "/v1/stock", "/v1/stock/**", "/v1/stock-movements",
                        "/v1/stock-movements/**").hasRole(Roles.ADMIN)
                .requestMatchers("/v1/reservations/**").denyAll();
    }
}
