package dev.eshop.platform.web.client;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/** {@link ServiceClients} for every service: its clients are made on demand, so nothing is needed until one is. */
@AutoConfiguration(after = RestClientAutoConfiguration.class)
@ConditionalOnBean(RestClient.Builder.class)
@EnableConfigurationProperties(ServiceCredentials.class)
public class ServiceClientAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ServiceClients serviceClients(RestClient.Builder restClientBuilder, Environment environment, JsonMapper jsonMapper,
            ServiceCredentials credentials) {
        return new ServiceClients(restClientBuilder, environment, jsonMapper, credentials,
                environment.getProperty("eshop.security.issuer-uri", "http://localhost:9000"));
    }
}
