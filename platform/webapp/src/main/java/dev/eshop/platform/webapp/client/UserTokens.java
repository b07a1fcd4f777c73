package dev.eshop.platform.webapp.client;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.ClientAuthorizationRequiredException;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.io.IOException;

/**
 * Puts the signed-in user's access token on a call (from the session, refreshed first when it has
 * expired); a call for a signed-out visitor goes without one. A refused refresh means signing in
 * again; an issuer that does not answer is a 503 like any other service.
 */
final class UserTokens implements ClientHttpRequestInterceptor {

    private final OAuth2AuthorizedClientManager authorizedClients;

    UserTokens(OAuth2AuthorizedClientManager authorizedClients) {
        this.authorizedClients = authorizedClients;
    }

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution) throws IOException {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (user instanceof OAuth2AuthenticationToken signedIn) {
            request.getHeaders().setBearerAuth(accessToken(signedIn));
        }
        return execution.execute(request, body);
    }

    private String accessToken(OAuth2AuthenticationToken user) {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes page)) {
            throw new IllegalStateException("a call with the user's token outside of a page request");
        }
        OAuth2AuthorizeRequest authorize = OAuth2AuthorizeRequest.withClientRegistrationId(user.getAuthorizedClientRegistrationId())
                .principal(user)
                .attribute(HttpServletRequest.class.getName(), page.getRequest())
                .attribute(HttpServletResponse.class.getName(), page.getResponse())
                .build();
        OAuth2AuthorizedClient client;
        try {
            client = authorizedClients.authorize(authorize);
        }
        catch (ClientAuthorizationRequiredException ex) {
            throw new SignInRequiredException("no tokens in the session", ex);
        }
        catch (OAuth2AuthorizationException ex) {
            if (causedByNoAnswer(ex)) {
                throw ServiceProblem.notResponding("auth", ex);
            }
            throw new SignInRequiredException("the refresh token was refused: " + ex.getError().getErrorCode(), ex);
        }
        catch (IllegalArgumentException ex) {
            // The registration could not be read from the issuer (auth down).
            throw ServiceProblem.notResponding("auth", ex);
        }
        if (client == null) {
            throw new SignInRequiredException("no tokens in the session", null);
        }
        return client.getAccessToken().getTokenValue();
    }

    private static boolean causedByNoAnswer(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }
}
