package dev.eshop.platform.webapp.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientPropertiesMapper;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

import java.util.Map;

/**
 * The client registrations of {@code spring.security.oauth2.client.*}, read from the issuer's
 * discovery document on first use rather than at startup, so a web app starts (and is ready)
 * before auth answers; a failed lookup is tried again on the next sign-in.
 */
final class IssuerClientRegistrations implements ClientRegistrationRepository {

    private static final Logger log = LoggerFactory.getLogger(IssuerClientRegistrations.class);

    private final OAuth2ClientProperties properties;
    private volatile Map<String, ClientRegistration> registrations;

    IssuerClientRegistrations(OAuth2ClientProperties properties) {
        this.properties = properties;
        OAuth2ClientProperties.Registration eshop = properties.getRegistration().get(WebAppSecurity.REGISTRATION);
        if (eshop == null || blank(eshop.getClientId()) || blank(eshop.getClientSecret())) {
            throw new IllegalStateException("spring.security.oauth2.client.registration." + WebAppSecurity.REGISTRATION
                    + ".client-id and .client-secret are required (the web app's client at auth)");
        }
    }

    /** The registration, or {@code null} while the issuer cannot be reached. */
    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        Map<String, ClientRegistration> known = registrations;
        if (known == null) {
            synchronized (this) {
                if (registrations == null) {
                    try {
                        registrations = new OAuth2ClientPropertiesMapper(properties).asClientRegistrations();
                    }
                    catch (RuntimeException ex) {
                        log.warn("The OpenID Connect issuer did not answer ({}); signing in is not possible yet", ex.getMessage());
                        return null;
                    }
                }
                known = registrations;
            }
        }
        return known.get(registrationId);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
