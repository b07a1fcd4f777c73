package dev.eshop.platform.web.testapp;

import dev.eshop.platform.web.security.Roles;
import dev.eshop.platform.web.security.SecurityRules;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;

/**
 * A service as the platform expects one: it depends on platform-web, adds its URL rules as a
 * {@link SecurityRules} bean, and uses method security for the rest.
 */
@SpringBootApplication
public class TestApplication {

    @Bean
    SecurityRules testRules() {
        return rules -> rules
                .requestMatchers(HttpMethod.GET, "/v1/test/public/**").permitAll()
                .requestMatchers("/v1/test/admin/**").hasRole(Roles.ADMIN);
    }
}
