package dev.eshop.platform.testing.web;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.test.web.servlet.MockMvc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The visitors of a web app under test: a new browser, or a user signed in through the code flow —
 * a session saved in the app's own session store holding the sign-in and the tokens, exactly what
 * the app keeps after a real sign-in. Also plain HTTP requests to the running app, for what MockMvc
 * does not do (the servlet container's forwards and error pages).
 */
public final class WebAppSessions {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private final MockMvc mvc;
    private final String cookieName;
    private final SessionRepository<? extends Session> sessions;
    private final ClientRegistration registration;

    /**
     * @param cookieName   the app's session cookie
     * @param registration the app's registration at the auth service; its client id is the ID token's audience
     */
    public WebAppSessions(MockMvc mvc, String cookieName, SessionRepository<? extends Session> sessions,
                          ClientRegistration registration) {
        this.mvc = mvc;
        this.cookieName = cookieName;
        this.sessions = sessions;
        this.registration = registration;
    }

    /** The access token the calls of a signed-in user carry to the services. */
    public static String accessToken(UUID userId) {
        return "access-" + userId;
    }

    /** Someone who has not signed in (a new browser). */
    public Visitor visitor() {
        return new Visitor(mvc, cookieName, null);
    }

    /** A user signed in with this role ({@code CUSTOMER} or {@code ADMIN}); the e-mail is made from the name. */
    public Visitor signedIn(UUID userId, String name, String role) {
        Instant now = Instant.now();
        String email = name.toLowerCase().replace(' ', '.') + "@example.com";
        OidcIdToken idToken = new OidcIdToken("id-token-" + userId, now, now.plusSeconds(600),
                Map.of("sub", userId.toString(), "iss", registration.getProviderDetails().getIssuerUri(),
                        "aud", List.of(registration.getClientId()), "name", name, "email", email, "roles", List.of(role)));
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new OidcUserAuthority(idToken));
        authorities.add(new SimpleGrantedAuthority("ROLE_" + role));
        DefaultOidcUser user = new DefaultOidcUser(authorities, idToken);
        OAuth2AuthenticationToken authentication = new OAuth2AuthenticationToken(user, authorities, registration.getRegistrationId());
        OAuth2AuthorizedClient client = new OAuth2AuthorizedClient(registration, userId.toString(),
                new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, accessToken(userId), now, now.plusSeconds(600)),
                new OAuth2RefreshToken("refresh-" + userId, now));
        String id = store(sessions, Map.of(
                HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, new SecurityContextImpl(authentication),
                HttpSessionOAuth2AuthorizedClientRepository.class.getName() + ".AUTHORIZED_CLIENTS",
                new HashMap<>(Map.of(registration.getRegistrationId(), client))));
        return new Visitor(mvc, cookieName, Base64.getEncoder().encodeToString(id.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * A request over real HTTP to the app running on this port, with the visitor's session cookie
     * (null for none) and a form body (null for none). Returns status and body.
     */
    public HttpResponse<String> overHttp(int port, String method, String path, String sessionCookie, String form) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", "text/html")
                .method(method, form == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(form));
        if (form != null) {
            request.header("Content-Type", "application/x-www-form-urlencoded");
        }
        if (sessionCookie != null) {
            request.header("Cookie", cookieName + "=" + sessionCookie);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private static <S extends Session> String store(SessionRepository<S> repository, Map<String, Object> attributes) {
        S session = repository.createSession();
        attributes.forEach(session::setAttribute);
        repository.save(session);
        return session.getId();
    }
}
