package dev.eshop.order.lifecycle;

import dev.eshop.platform.events.order.ChangedByRole;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.UUID;

/**
 * Who changed an order's status, as the timeline and {@code order-status-updated} show it: a
 * customer or admin (id from the token's {@code sub}, display name from its {@code name} claim), or
 * the system (the deadline job, payment events), which has neither.
 */
public record Actor(UUID id, String name, ChangedByRole role) {

    public static final Actor SYSTEM = new Actor(null, null, ChangedByRole.SYSTEM);

    /** The caller of the current request, in the given role. */
    public static Actor current(ChangedByRole role) {
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
        return new Actor(id, name, role);
    }
}
