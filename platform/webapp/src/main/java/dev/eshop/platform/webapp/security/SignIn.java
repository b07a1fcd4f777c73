package dev.eshop.platform.webapp.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Sends a user through sign-in and back to the page they were on: the page itself for a GET, the
 * page the form was on for a POST (its {@code Referer}), the page htmx is on for an htmx request.
 * The way back is kept in the session while the user is at auth; only paths on this app are used.
 */
public final class SignIn implements AuthenticationEntryPoint, AuthenticationSuccessHandler {

    static final String RETURN_TO = SignIn.class.getName() + ".returnTo";

    /** Where the authorization-code flow of registration {@code eshop} starts. */
    public static final String AUTHORIZATION_PATH = "/oauth2/authorization/" + WebAppSecurity.REGISTRATION;

    /** Signed out, or the session's tokens no longer work: to {@code /login}, which comes back here afterwards. */
    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex) throws IOException {
        redirectToSignIn(request, response);
    }

    /** Signed in: back to the page that asked for it. */
    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        HttpSession session = request.getSession(false);
        String target = "/";
        if (session != null && session.getAttribute(RETURN_TO) instanceof String path) {
            target = path;
            session.removeAttribute(RETURN_TO);
        }
        response.sendRedirect(request.getContextPath() + target);
    }

    /** Redirects to {@code /login} (htmx: tells htmx to load it as a page), remembering where to return. */
    public static void redirectToSignIn(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String login = request.getContextPath() + "/login?return=" + URLEncoder.encode(returnPath(request), StandardCharsets.UTF_8);
        if ("true".equals(request.getHeader("HX-Request"))) {
            response.setHeader("HX-Redirect", login);
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        response.sendRedirect(login);
    }

    /** Remembers where to come back to after signing in. */
    static void rememberReturn(HttpServletRequest request, String path) {
        request.getSession().setAttribute(RETURN_TO, localPath(path));
    }

    /** The page to come back to: the current one for a GET, the one the request came from otherwise. */
    static String returnPath(HttpServletRequest request) {
        String htmxPage = request.getHeader("HX-Current-URL");
        if (htmxPage != null) {
            return pathOf(htmxPage);
        }
        if ("GET".equals(request.getMethod())) {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            return localPath(request.getQueryString() == null ? path : path + "?" + request.getQueryString());
        }
        String referer = request.getHeader("Referer");
        return referer == null ? "/" : pathOf(referer);
    }

    private static String pathOf(String url) {
        try {
            URI uri = URI.create(url);
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return localPath(uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery());
        }
        catch (IllegalArgumentException ex) {
            return "/";
        }
    }

    /** A path on this app, or {@code /}: never another site ({@code //host}, {@code /\host}) or a header break. */
    static String localPath(String path) {
        if (path == null || !path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")
                || path.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return "/";
        }
        return path;
    }
}
