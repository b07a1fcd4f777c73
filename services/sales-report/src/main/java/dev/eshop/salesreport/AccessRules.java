package dev.eshop.salesreport;

import dev.eshop.platform.web.security.Roles;
import dev.eshop.platform.web.security.SecurityRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Who may call what (spec services.md §7.3): every sales endpoint is ADMIN; the platform adds /v1/ops/** (ADMIN). */
@Configuration(proxyBeanMethods = false)
class AccessRules {

    @Bean
    SecurityRules salesReportRules() {
        return rules -> rules.requestMatchers("/v1/sales", "/v1/sales/**").hasRole(Roles.ADMIN);
    }
}
