package dev.eshop.auth.server;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.oidc.web.authentication.OidcLogoutAuthenticationSuccessHandler;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.util.StringUtils;

import java.io.IOException;

/**
 * After RP-initiated logout: to the {@code post_logout_redirect_uri} the client asked for (checked
 * against its registration), or, when it asked for none, to the post-logout URI it registered,
 * rather than to auth's own root.
 */
class LogoutRedirect implements AuthenticationSuccessHandler {

    private final RegisteredClientRepository clients;
    private final String fallback;
    private final AuthenticationSuccessHandler standard = new OidcLogoutAuthenticationSuccessHandler();
    private final SecurityContextLogoutHandler logout = new SecurityContextLogoutHandler();
    private final RedirectStrategy redirects = new DefaultRedirectStrategy();

    LogoutRedirect(RegisteredClientRepository clients, String fallback) {
        this.clients = clients;
        this.fallback = fallback;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException, ServletException {
        OidcLogoutAuthenticationToken logoutRequest = (OidcLogoutAuthenticationToken) authentication;
        if (StringUtils.hasText(logoutRequest.getPostLogoutRedirectUri())) {
            standard.onAuthenticationSuccess(request, response, authentication);
            return;
        }
        if (logoutRequest.isPrincipalAuthenticated()) {
            logout.logout(request, response, (Authentication) logoutRequest.getPrincipal());
        }
        redirects.sendRedirect(request, response, registeredTarget(logoutRequest));
    }

    private String registeredTarget(OidcLogoutAuthenticationToken logoutRequest) {
        if (logoutRequest.getIdToken() == null || logoutRequest.getIdToken().getAudience() == null) {
            return fallback;
        }
        return logoutRequest.getIdToken().getAudience().stream()
                .map(clients::findByClientId)
                .filter(client -> client != null && !client.getPostLogoutRedirectUris().isEmpty())
                .map(RegisteredClient::getPostLogoutRedirectUris)
                .map(uris -> uris.iterator().next())
                .findFirst()
                .orElse(fallback);
    }
}
