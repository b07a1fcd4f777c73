package dev.eshop.platform.web.security;

import dev.eshop.platform.web.problem.ForbiddenException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.Optional;
import java.util.UUID;

/**
 * The caller of the current request, from its verified token.
 *
 * <pre>
 * Order order = orders.find(id).orElseThrow(() -&gt; new NotFoundException("order", id));
 * CurrentUser.checkOwner(order.userId());   // the customer who placed it, or any ADMIN; 403 otherwise
 * cart = carts.of(CurrentUser.id());
 * </pre>
 */
public final class CurrentUser {

    private CurrentUser() {
    }

    /** The token's {@code sub}; 401 when the request carries no token. */
    public static String subject() {
        return token().map(JwtAuthenticationToken::getName)
                .orElseThrow(() -> new AuthenticationCredentialsNotFoundException("no bearer token"));
    }

    /** The user id (the token's {@code sub} as a UUID); 403 for a token that is not a user's (a service's). */
    public static UUID id() {
        String subject = subject();
        try {
            return UUID.fromString(subject);
        }
        catch (IllegalArgumentException e) {
            throw new ForbiddenException("Only a signed-in user may do this.");
        }
    }

    public static boolean hasRole(String role) {
        return token().map(token -> token.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(("ROLE_" + role)::equals)).orElse(false);
    }

    public static boolean isAdmin() {
        return hasRole(Roles.ADMIN);
    }

    /** Whether the caller owns a resource of {@code ownerId}: the user with that id, or any ADMIN. */
    public static boolean isOwner(UUID ownerId) {
        if (isAdmin()) {
            return true;
        }
        return token().map(JwtAuthenticationToken::getName).map(subject -> subject.equals(String.valueOf(ownerId)))
                .orElse(false);
    }

    /** 403 {@code forbidden} unless {@link #isOwner(UUID)}; 401 without a token. */
    public static void checkOwner(UUID ownerId) {
        subject();
        if (!isOwner(ownerId)) {
            throw new ForbiddenException("This belongs to another user.");
        }
    }

    private static Optional<JwtAuthenticationToken> token() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof JwtAuthenticationToken jwt && jwt.isAuthenticated() ? Optional.of(jwt) : Optional.empty();
    }
}
