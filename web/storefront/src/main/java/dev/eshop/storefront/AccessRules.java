package dev.eshop.storefront;

import dev.eshop.platform.webapp.security.PageRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Browsing needs no account; the cart, checkout, orders and the account page need a signed-in
 * customer (spec/ui.md §0.2). An admin signed in here may browse, and gets the 403 page (which
 * says admin accounts cannot place orders) for the rest.
 */
@Configuration(proxyBeanMethods = false)
class AccessRules {

    static final String CUSTOMER = "CUSTOMER";

    @Bean
    PageRules customerPages() {
        return rules -> rules
                .requestMatchers("/cart", "/cart/**", "/checkout", "/checkout/**", "/orders", "/orders/**", "/account", "/account/**")
                .hasRole(CUSTOMER)
                .requestMatchers("/**").permitAll();
    }
}
