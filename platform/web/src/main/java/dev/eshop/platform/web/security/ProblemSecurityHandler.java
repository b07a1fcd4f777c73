package dev.eshop.platform.web.security;

import dev.eshop.platform.web.problem.ProblemResponses;
import dev.eshop.platform.web.problem.ProblemType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import java.io.IOException;

/**
 * Writes the security filters' 401 and 403 answers as problems ({@code unauthenticated},
 * {@code forbidden}), keeping the {@code WWW-Authenticate: Bearer …} header of RFC 6750.
 */
public class ProblemSecurityHandler implements AuthenticationEntryPoint, AccessDeniedHandler {

    // Spring Security's wording around the reason, which tells a client nothing.
    private static final String DECODE_PREFIX = "An error occurred while attempting to decode the Jwt: ";

    private final ProblemResponses problems;
    private final BearerTokenAuthenticationEntryPoint bearerEntryPoint = new BearerTokenAuthenticationEntryPoint();
    private final BearerTokenAccessDeniedHandler bearerAccessDenied = new BearerTokenAccessDeniedHandler();

    public ProblemSecurityHandler(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
            throws IOException {
        bearerEntryPoint.commence(request, response, ex); // status and WWW-Authenticate
        String detail = ex instanceof OAuth2AuthenticationException rejected
                ? "The access token was rejected: " + reason(rejected)
                : "This request needs an access token (Authorization: Bearer ...).";
        problems.write(response, problems.create(request, ProblemType.UNAUTHENTICATED, detail));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
            throws IOException {
        bearerAccessDenied.handle(request, response, ex);
        problems.write(response, problems.create(request, ProblemType.FORBIDDEN,
                "Your account may not do this: it lacks the role or scope this needs."));
    }

    private static String reason(OAuth2AuthenticationException ex) {
        String description = ex.getError().getDescription();
        if (description == null || description.isBlank()) {
            description = ex.getMessage();
        }
        description = description == null ? "it is not valid" : description.replace(DECODE_PREFIX, "").strip();
        return description.endsWith(".") ? description : description + ".";
    }
}
