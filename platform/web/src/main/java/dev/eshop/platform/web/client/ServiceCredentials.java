package dev.eshop.platform.web.client;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * {@code eshop.clients.oauth.*}: this service's own client at the issuer, used for the
 * client-credentials tokens it sends to other services.
 *
 * @param clientId     the client id ({@code order-service}); none means calls go without a token
 * @param clientSecret its secret
 * @param tokenUri     the issuer's token endpoint; empty means {@code {eshop.security.issuer-uri}/oauth2/token}
 *                     (Spring Authorization Server and Cognito; Keycloak's differs)
 * @param scopes       scopes to ask for; empty means all the client is allowed
 */
@ConfigurationProperties("eshop.clients.oauth")
public record ServiceCredentials(String clientId, String clientSecret, String tokenUri, List<String> scopes) {

    public ServiceCredentials {
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
    }

    boolean configured() {
        return clientId != null && !clientId.isBlank();
    }
}
