package dev.eshop.platform.webapp.client;

import dev.eshop.platform.webapp.WebAppProperties;
import dev.eshop.platform.webapp.security.WebAppSecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.web.client.RestClient;

/** {@link ServiceClients}, built on Boot's {@code RestClient.Builder} so calls carry the trace on to the services. */
@AutoConfiguration(after = {RestClientAutoConfiguration.class, WebAppSecurityAutoConfiguration.class})
@EnableConfigurationProperties(WebAppProperties.class)
public class ServiceClientsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ServiceClients serviceClients(RestClient.Builder builder, WebAppProperties properties, OAuth2AuthorizedClientManager authorizedClients) {
        return new ServiceClients(builder, properties, authorizedClients);
    }
}
