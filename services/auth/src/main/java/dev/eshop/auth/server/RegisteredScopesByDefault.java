package dev.eshop.auth.server;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.util.StringUtils;

import java.util.Map;

/**
 * A client-credentials request without {@code scope} gets all of the client's registered scopes
 * (RFC 6749 §3.3 lets the server choose a default), rather than a token that allows nothing.
 * Requests naming scopes go to the standard converter, which checks them.
 */
class RegisteredScopesByDefault implements AuthenticationConverter {

    @Override
    public Authentication convert(HttpServletRequest request) {
        if (!AuthorizationGrantType.CLIENT_CREDENTIALS.getValue().equals(request.getParameter(OAuth2ParameterNames.GRANT_TYPE))
                || StringUtils.hasText(request.getParameter(OAuth2ParameterNames.SCOPE))) {
            return null;
        }
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (!(caller instanceof OAuth2ClientAuthenticationToken client) || client.getRegisteredClient() == null) {
            return null;
        }
        return new OAuth2ClientCredentialsAuthenticationToken(client, client.getRegisteredClient().getScopes(), Map.of());
    }
}
