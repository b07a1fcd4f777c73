package dev.eshop.shippingcost.quote;

import dev.eshop.platform.web.security.SecurityRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Who may ask for a quote: other services with scope {@code shipping.quote} (the order service). */
@Configuration(proxyBeanMethods = false)
class ShippingSecurity {

    @Bean
    SecurityRules shippingCostRules() {
        return rules -> rules.requestMatchers(HttpMethod.POST, "/shipping-cost").hasAuthority("SCOPE_shipping.quote");
    }
}
