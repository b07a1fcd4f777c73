package dev.eshop.auth;

import dev.eshop.platform.web.security.PlatformSecurity;
import dev.eshop.platform.web.security.Roles;
import dev.eshop.platform.web.security.SecurityRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import java.util.ArrayList;
import java.util.List;

/**
 * Who may call what in the JSON API (spec/services.md §1.3): anyone signs up, signed-in users
 * (either role, not services) manage their own account, admins manage users and keys. The API
 * has a chain of its own, the platform's resource-server setup (bearer tokens, no session,
 * problems for 401 and 403), beside the authorization server's chain and the pages' chain.
 */
@Configuration(proxyBeanMethods = false)
class AccessRules {

    @Bean
    SecurityRules authRules() {
        return rules -> rules
                .requestMatchers(HttpMethod.POST, "/v1/users").permitAll()
                .requestMatchers("/v1/users/me", "/v1/users/me/**").hasAnyRole(Roles.CUSTOMER, Roles.ADMIN)
                .requestMatchers("/v1/users", "/v1/users/**", "/v1/signing-keys/**").hasRole(Roles.ADMIN);
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, PlatformSecurity platform, List<SecurityRules> rules) throws Exception {
        List<String> paths = new ArrayList<>(PlatformSecurity.PUBLIC_PATHS);
        paths.addAll(List.of("/v1/**", "/actuator/**"));
        return platform.apply(http.securityMatcher(paths.toArray(String[]::new)), rules).build();
    }
}
