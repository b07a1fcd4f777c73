package dev.eshop.platform.webapp.security;

import com.sun.net.httpserver.HttpServer;
import dev.eshop.platform.testing.Ports;
import org.junit.jupiter.api.Test;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.security.oauth2.client.registration.ClientRegistration;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The client registration is read from the issuer when first needed, so the app starts while auth is down. */
class IssuerClientRegistrationsTest {

    private static OAuth2ClientProperties properties(String issuer, String secret) {
        OAuth2ClientProperties properties = new OAuth2ClientProperties();
        OAuth2ClientProperties.Registration registration = new OAuth2ClientProperties.Registration();
        registration.setClientId("storefront");
        registration.setClientSecret(secret);
        registration.setAuthorizationGrantType("authorization_code");
        registration.setRedirectUri("{baseUrl}/login/oauth2/code/{registrationId}");
        properties.getRegistration().put("eshop", registration);
        OAuth2ClientProperties.Provider provider = new OAuth2ClientProperties.Provider();
        provider.setIssuerUri(issuer);
        properties.getProvider().put("eshop", provider);
        return properties;
    }

    @Test
    void anIssuerThatIsDownGivesNoRegistrationYetAndOneOnceItAnswers() throws Exception {
        // Nothing listens on the port until the issuer starts.
        int port = Ports.free();
        String uri = "http://127.0.0.1:" + port;
        IssuerClientRegistrations registrations = new IssuerClientRegistrations(properties(uri, "secret"));

        assertThat(registrations.findByRegistrationId("eshop")).as("auth is not up yet").isNull();

        HttpServer issuer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        issuer.createContext("/.well-known/openid-configuration", exchange -> {
            byte[] body = """
                    {"issuer":"%1$s","authorization_endpoint":"%1$s/oauth2/authorize","token_endpoint":"%1$s/oauth2/token",
                     "jwks_uri":"%1$s/oauth2/jwks","response_types_supported":["code"],"subject_types_supported":["public"],
                     "id_token_signing_alg_values_supported":["RS256"]}""".formatted(uri).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        issuer.start();
        try {
            ClientRegistration eshop = registrations.findByRegistrationId("eshop");
            assertThat(eshop.getClientId()).isEqualTo("storefront");
            assertThat(eshop.getProviderDetails().getAuthorizationUri()).isEqualTo(uri + "/oauth2/authorize");
        }
        finally {
            issuer.stop(0);
        }
    }

    @Test
    void aMissingClientSecretStopsTheAppAtStartup() {
        assertThatThrownBy(() -> new IssuerClientRegistrations(properties("http://127.0.0.1:1", null)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("spring.security.oauth2.client.registration.eshop.client-id and .client-secret are required");
    }
}
