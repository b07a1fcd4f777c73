package dev.eshop.warehouse.stock;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.UUID;

/** Who made a stock change, as the ledger shows it: the admin's id and name, a customer's id, or nobody (the system). */
public record Actor(UUID id, String name) {

    public static final Actor SYSTEM = new Actor(null, null);

    /** The caller of the current request: the token's {@code sub} (when it is a user id) and {@code name} claim. */
    public static Actor current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof JwtAuthenticationToken jwt)) {
            return SYSTEM;
        }
        UUID id;
        try {
            id = UUID.fromString(jwt.getName());
        }
        catch (IllegalArgumentException e) {
            id = null;
        }
        String name = jwt.getToken().getClaimAsString("name");
        if (name != null && name.length() > 100) {
            name = name.substring(0, 100);
        }
        return new Actor(id, name);
    }

    public static Actor customer(UUID userId) {
        return new Actor(userId, null);
    }
}
