package dev.eshop.platform.web.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code eshop.security.*}: where tokens come from and how roles are read from them.
 *
 * @param issuerUri  the token issuer; its keys are found through its OpenID discovery document on first use
 * @param rolesClaim the claim holding the roles, a string or an array ({@code roles}, {@code cognito:groups}, {@code custom:role})
 * @param audience   required in {@code aud}; empty means {@code aud} is not checked (Cognito access tokens carry none)
 */
@ConfigurationProperties("eshop.security")
public record EshopSecurityProperties(String issuerUri, String rolesClaim, String audience) {

    public EshopSecurityProperties {
        if (issuerUri == null || issuerUri.isBlank()) {
            issuerUri = "http://localhost:9000";
        }
        if (rolesClaim == null || rolesClaim.isBlank()) {
            rolesClaim = "roles";
        }
        if (audience == null) {
            audience = "eshop";
        }
    }
}
