package dev.eshop.admin;

import dev.eshop.platform.webapp.security.PageRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every page needs a signed-in admin (spec/ui.md §0.2). Someone else signed in (a customer) gets
 * the 403 page, which offers to log out; a visitor goes through sign-in first.
 */
@Configuration(proxyBeanMethods = false)
class AccessRules {

    @Bean
    PageRules adminPages() {
        return rules -> rules.requestMatchers("/**").hasRole("ADMIN");
    }
}
