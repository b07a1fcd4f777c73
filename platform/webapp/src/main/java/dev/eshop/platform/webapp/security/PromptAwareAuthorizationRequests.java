package dev.eshop.platform.webapp.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.HashMap;
import java.util.Map;

/**
 * Authorization requests with PKCE (auth requires it of every client, also confidential ones), and
 * {@code prompt=create} when the sign-in was started with it (the storefront's "Sign up").
 */
final class PromptAwareAuthorizationRequests implements OAuth2AuthorizationRequestResolver {

    private final DefaultOAuth2AuthorizationRequestResolver resolver;

    PromptAwareAuthorizationRequests(ClientRegistrationRepository registrations) {
        this.resolver = new DefaultOAuth2AuthorizationRequestResolver(registrations,
                DefaultOAuth2AuthorizationRequestResolver.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
        this.resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
    }

    @Override
    public OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
        return withPrompt(request, resolver.resolve(request));
    }

    @Override
    public OAuth2AuthorizationRequest resolve(HttpServletRequest request, String clientRegistrationId) {
        return withPrompt(request, resolver.resolve(request, clientRegistrationId));
    }

    private static OAuth2AuthorizationRequest withPrompt(HttpServletRequest request, OAuth2AuthorizationRequest authorization) {
        if (authorization == null || !"create".equals(request.getParameter("prompt"))) {
            return authorization;
        }
        Map<String, Object> parameters = new HashMap<>(authorization.getAdditionalParameters());
        parameters.put("prompt", "create");
        String uri = UriComponentsBuilder.fromUriString(authorization.getAuthorizationRequestUri())
                .queryParam("prompt", "create").build(true).toUriString();
        return OAuth2AuthorizationRequest.from(authorization).additionalParameters(parameters).authorizationRequestUri(uri).build();
    }
}
