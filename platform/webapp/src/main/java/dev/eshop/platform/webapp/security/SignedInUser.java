package dev.eshop.platform.webapp.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.user.OAuth2User;

import java.util.Optional;

/**
 * Who is signed in, as the pages show it: the user id (the token's {@code sub}), name and e-mail
 * from the ID token, and the roles.
 */
public record SignedInUser(String id, String name, String email, boolean customer, boolean admin) {

    /** The user of the current request; empty when nobody is signed in. */
    public static Optional<SignedInUser> current() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }

    public static Optional<SignedInUser> of(Authentication authentication) {
        if (!(authentication instanceof OAuth2AuthenticationToken token) || !token.isAuthenticated()) {
            return Optional.empty();
        }
        OAuth2User user = token.getPrincipal();
        String name = user.getAttribute("name");
        String email = user.getAttribute("email");
        return Optional.of(new SignedInUser(token.getName(), name == null || name.isBlank() ? email : name, email,
                hasRole(token, "CUSTOMER"), hasRole(token, "ADMIN")));
    }

    private static boolean hasRole(Authentication authentication, String role) {
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(("ROLE_" + role)::equals);
    }
}
